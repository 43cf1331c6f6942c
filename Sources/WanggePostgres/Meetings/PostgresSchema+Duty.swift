import WanggeStore

/// Migration 16: the 空岗 rollup (``DutyRollupBook``) with the scope policies of v5. Scoped roles read
/// the rows of their subtree; rows above a station change only through the SECURITY DEFINER functions
/// below (as `place_stats` does through `wangge_add_stats`).
extension PostgresSchema {
  /// The rollup tables (dropped with the store).
  static let dutyRollupTables = DutyRollupBook.tableNames
  /// The functions migration 16 creates.
  static let dutyFunctions = ["wangge_duty_shape", "wangge_duty_on"]
  /// The migration's identifier; once applied, the rollup is rebuilt from the roster already there.
  static let dutyIdentifier = "v16-duty"

  static var dutyV16: String {
    var sql = DutyRollupBook.tables(int: "BIGINT") + "\n"
    // One automatic baseline per scheduled instant (two boards, or a board and `baseline auto`).
    sql += "CREATE UNIQUE INDEX baseline_auto_slot ON baseline(at) WHERE name LIKE 'auto %';\n"
    for t in dutyRollupTables {
      sql += """
        CREATE TRIGGER \(t)_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(t)
          FOR EACH STATEMENT EXECUTE FUNCTION wangge_notify_change();
        ALTER TABLE \(t) ENABLE ROW LEVEL SECURITY;
        CREATE POLICY scope_read ON \(t) FOR SELECT USING (\(inScope("place_id")));
        CREATE POLICY scope_insert ON \(t) FOR INSERT WITH CHECK (\(unscoped));
        CREATE POLICY scope_update ON \(t) FOR UPDATE USING (\(unscoped)) WITH CHECK (\(unscoped));
        CREATE POLICY scope_delete ON \(t) FOR DELETE USING (\(unscoped));

        """
    }
    sql += """
      GRANT SELECT ON duty_shape, duty_on TO wangge_viewer;
      GRANT INSERT, UPDATE, DELETE ON duty_shape, duty_on TO wangge_commander;
      CREATE FUNCTION wangge_duty_shape(places bigint[], sm bigint, lm bigint, ond bigint, offd bigint,
        anchor bigint, d bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(places);
        INSERT INTO duty_shape AS x(place_id, start_minute, length_minutes, on_days, off_days, anchor_day, posts)
        SELECT p, sm, lm, ond, offd, anchor, d FROM unnest(places) AS p ORDER BY p
        ON CONFLICT (place_id, start_minute, length_minutes, on_days, off_days, anchor_day)
        DO UPDATE SET posts = x.posts + excluded.posts;
      END $$;
      CREATE FUNCTION wangge_duty_on(places bigint[], start bigint, lm bigint, d bigint) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(places);
        INSERT INTO duty_on AS x(place_id, shift_start, length_minutes, posts)
        SELECT p, start, lm, d FROM unnest(places) AS p ORDER BY p
        ON CONFLICT (place_id, shift_start, length_minutes) DO UPDATE SET posts = x.posts + excluded.posts;
      END $$;
      REVOKE ALL ON FUNCTION wangge_duty_shape, wangge_duty_on FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION wangge_duty_shape, wangge_duty_on
        TO wangge_station, wangge_commander, wangge_admin;

      """
    return sql
  }
}
