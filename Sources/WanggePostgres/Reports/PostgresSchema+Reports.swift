import WanggeStore

/// Migration v10: reports up the chain, spot checks and supervision (`ReportSchema`, shared with the
/// SQLite engine), with change-feed triggers, grants and the scope policies of v5: a station reads
/// and writes the reports, calls and counters of its subtree; supervision is read by all and written
/// by commanders.
extension PostgresSchema {
  /// The tables v10 adds (dropped with the store).
  static let reportTables = ReportSchema.tables

  static let reportPolicies: [(table: String, read: String)] = [
    ("report", inScopeOrAbove("place_id")),
    ("report_event", inScopeOrAbove("place_id")),
    ("report_tally", inScope("station_id")),
    ("report_missed_due", inScope("station_id")),
    ("station_commander", inScope("station_id")),
    ("spotcheck_round", inScope("scope_id")),
    ("spotcheck_call", "\(unscoped) OR station_id IN (SELECT wangge_scope_places(current_user))"),
    ("spotcheck_tally", inScope("station_id")),
    ("supervision_group", "true"), ("supervisor", "true"), ("supervision_target", "true"),
    ("supervision_contact", "true"),
  ]

  static var reportsV12: String {
    var sql = ReportSchema.sql(int: "BIGINT", text: "TEXT COLLATE \"C\"")
    for table in reportTables {
      sql += """
        CREATE TRIGGER \(table)_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table)
          FOR EACH STATEMENT EXECUTE FUNCTION wangge_notify_change();

        """
    }
    sql += "GRANT SELECT ON \(reportTables.joined(separator: ", ")) TO wangge_viewer;\n"
    sql += "GRANT INSERT, UPDATE ON report, report_event, report_tally, report_missed_due, spotcheck_call, "
    sql += "spotcheck_tally, spotcheck_round TO wangge_station;\n"
    sql += "GRANT DELETE ON report_missed_due TO wangge_station;\n"
    sql += "GRANT INSERT, UPDATE ON report_sequence TO wangge_station;\n"
    sql += "GRANT INSERT, UPDATE, DELETE ON \(reportTables.joined(separator: ", ")) TO wangge_commander;\n"
    for p in reportPolicies {
      sql += """
        ALTER TABLE \(p.table) ENABLE ROW LEVEL SECURITY;
        CREATE POLICY scope_read ON \(p.table) FOR SELECT USING (\(p.read));
        CREATE POLICY scope_insert ON \(p.table) FOR INSERT WITH CHECK (\(p.read));
        CREATE POLICY scope_update ON \(p.table) FOR UPDATE USING (\(p.read)) WITH CHECK (\(p.read));
        CREATE POLICY scope_delete ON \(p.table) FOR DELETE USING (\(p.read));

        """
    }
    return sql
  }
}
