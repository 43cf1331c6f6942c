import WanggeStore

/// Migration 14's volunteer rollups (``VolunteerSchema``): change feed, scope policies, and the SECURITY
/// DEFINER functions through which a station changes the rows above its scope.
extension PostgresSchema {
  /// The functions migration 14 creates.
  static let volunteerFunctions = ["wangge_volunteer_load", "wangge_volunteer_stats"]

  static var volunteerLoadV14: String {
    var sql = VolunteerSchema.tables(int: "BIGINT", text: "TEXT COLLATE \"C\"")
    for t in VolunteerSchema.tableNames {
      sql += """
        CREATE TRIGGER \(t)_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(t)
          FOR EACH STATEMENT EXECUTE FUNCTION wangge_notify_change();

        """
    }
    sql += """
      CREATE FUNCTION wangge_volunteer_load(h text, d bigint)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        INSERT INTO volunteer_load AS l(holder, in_hand) VALUES (h, d)
          ON CONFLICT (holder) DO UPDATE SET in_hand = l.in_hand + excluded.in_hand;
      END $$;
      CREATE FUNCTION wangge_volunteer_stats(places bigint[], dv bigint, dr bigint, on_day bigint)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(places);
        INSERT INTO volunteer_stats AS s(place_id, volunteers, reported)
          SELECT p, dv, dr FROM unnest(places) AS p ORDER BY p
          ON CONFLICT (place_id) DO UPDATE SET volunteers = s.volunteers + excluded.volunteers,
            reported = s.reported + excluded.reported;
        IF on_day IS NOT NULL THEN
          INSERT INTO volunteer_on_post AS o(place_id, day, count)
            SELECT p, on_day, dv FROM unnest(places) AS p ORDER BY p
            ON CONFLICT (place_id, day) DO UPDATE SET count = o.count + excluded.count;
        END IF;
      END $$;
      REVOKE ALL ON FUNCTION wangge_volunteer_load, wangge_volunteer_stats FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION wangge_volunteer_load, wangge_volunteer_stats
        TO wangge_station, wangge_commander, wangge_admin;
      GRANT SELECT ON \(VolunteerSchema.tableNames.joined(separator: ", ")) TO wangge_viewer;
      GRANT INSERT, UPDATE, DELETE ON \(VolunteerSchema.tableNames.joined(separator: ", ")) TO wangge_commander;

      """
    let policies: [(String, String)] = [
      ("volunteer_load", "\(unscoped) OR holder IN (SELECT v.name FROM volunteer v)"),
      ("volunteer_stats", inScope("place_id")), ("volunteer_on_post", inScope("place_id")),
    ]
    for (table, read) in policies {
      sql += """
        ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
        CREATE POLICY scope_read ON \(table) FOR SELECT USING (\(read));
        CREATE POLICY scope_insert ON \(table) FOR INSERT WITH CHECK (\(read));
        CREATE POLICY scope_update ON \(table) FOR UPDATE USING (\(read)) WITH CHECK (\(read));
        CREATE POLICY scope_delete ON \(table) FOR DELETE USING (\(read));

        """
    }
    return sql
  }
}
