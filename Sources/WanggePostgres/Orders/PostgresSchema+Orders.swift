import WanggeStore

/// Migration 11 (`v11-orders`): service orders, handled green channels, their events and rollups, and
/// the volunteer columns (``OrderSchema``), with the change-feed triggers, the scope policies and
/// grants of migration 5, and the SECURITY DEFINER functions through which a station changes the
/// order rollups of the places above its scope.
extension PostgresSchema {
  /// The tables migration 11 adds.
  static let orderTables = OrderSchema.tableNames

  /// The functions migration 11 creates.
  static let orderFunctions = ["wangge_order_stats", "wangge_order_due", "wangge_order_closed"]

  static var ordersV11: String {
    var sql = OrderSchema.tables(int: "BIGINT", text: "TEXT COLLATE \"C\"") + "\n"
    for t in orderTables {
      sql += """
        CREATE TRIGGER \(t)_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(t)
          FOR EACH STATEMENT EXECUTE FUNCTION wangge_notify_change();

        """
    }
    sql += """
      CREATE FUNCTION wangge_order_stats(places bigint[], du bigint, dc bigint, dg bigint, dt bigint)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(places);
        INSERT INTO order_stats AS s(place_id, unclaimed, claimed, green_open, green_taken)
        SELECT p, du, dc, dg, dt FROM unnest(places) AS p ORDER BY p
        ON CONFLICT (place_id) DO UPDATE SET unclaimed = s.unclaimed + excluded.unclaimed,
          claimed = s.claimed + excluded.claimed, green_open = s.green_open + excluded.green_open,
          green_taken = s.green_taken + excluded.green_taken;
      END $$;
      CREATE FUNCTION wangge_order_due(places bigint[], item text, k text, opened bigint, old_due bigint,
        new_due bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(places);
        IF old_due IS NOT NULL THEN
          DELETE FROM order_due WHERE item_id = item AND place_id = ANY(places);
          UPDATE order_due_hour SET count = count - 1
            WHERE kind = k AND hour = floor(old_due / 3600.0)::bigint AND place_id = ANY(places);
        END IF;
        IF new_due IS NOT NULL THEN
          INSERT INTO order_due(place_id, item_id, kind, opened_at, due_at)
            SELECT p, item, k, opened, new_due FROM unnest(places) AS p;
          INSERT INTO order_due_hour AS h(place_id, kind, hour, count)
            SELECT p, k, floor(new_due / 3600.0)::bigint, 1 FROM unnest(places) AS p ORDER BY p
            ON CONFLICT (place_id, kind, hour) DO UPDATE SET count = h.count + 1;
        END IF;
      END $$;
      CREATE FUNCTION wangge_order_closed(places bigint[], d bigint, b bigint)
        RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(places);
        INSERT INTO order_closed AS c(place_id, day, bucket, count)
          SELECT p, d, b, 1 FROM unnest(places) AS p ORDER BY p
          ON CONFLICT (place_id, day, bucket) DO UPDATE SET count = c.count + 1;
      END $$;
      REVOKE ALL ON FUNCTION wangge_order_stats, wangge_order_due, wangge_order_closed FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION wangge_order_stats, wangge_order_due, wangge_order_closed
        TO wangge_station, wangge_commander, wangge_admin;
      GRANT SELECT ON \(orderTables.joined(separator: ", ")) TO wangge_viewer;
      GRANT INSERT, UPDATE ON service_order, green_channel, order_event TO wangge_station;
      GRANT INSERT, UPDATE ON volunteer, volunteer_profile TO wangge_station;
      GRANT INSERT, UPDATE, DELETE ON \(orderTables.joined(separator: ", ")) TO wangge_commander;

      """
    let policies: [(String, String)] = [
      ("service_order", inScope("unit_id")), ("green_channel", inScope("unit_id")),
      ("order_event", inScope("place_id")), ("order_stats", inScope("place_id")),
      ("order_due", inScope("place_id")), ("order_due_hour", inScope("place_id")),
      ("order_closed", inScope("place_id")),
      ("volunteer_profile", "\(unscoped) OR volunteer_id IN (SELECT v.id FROM volunteer v)"),
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
