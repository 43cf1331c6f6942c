/// Migration 13: baselines, meeting decisions and the duty roster, with the scope policies of v5:
/// a station reads and writes the decisions and duty rows of its own places; baselines (a copy of every
/// place's figures) are marked by a commander or admin and read within scope like `place_stats`.
extension PostgresSchema {
  /// The tables migration 13 adds (dropped with the store).
  static let meetingTables = ["baseline", "baseline_figure", "decision", "duty_post", "duty_sign"]

  static var meetingsV9: String {
    var sql = """
      CREATE TABLE baseline(
        id BIGSERIAL PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, at BIGINT NOT NULL,
        window_seconds BIGINT NOT NULL, places BIGINT NOT NULL);
      CREATE TABLE baseline_figure(
        baseline_id BIGINT NOT NULL, place_id BIGINT NOT NULL,
        households BIGINT NOT NULL, people BIGINT NOT NULL, units BIGINT NOT NULL, leaders BIGINT NOT NULL,
        stations BIGINT NOT NULL, groups_built BIGINT NOT NULL, reached_group BIGINT NOT NULL,
        reached_phone BIGINT NOT NULL, help_cases BIGINT NOT NULL, green_open BIGINT NOT NULL,
        assigned BIGINT NOT NULL, acked_on_time BIGINT NOT NULL, acked_late BIGINT NOT NULL,
        ack_overdue BIGINT NOT NULL, finished_on_time BIGINT NOT NULL, finished_late BIGINT NOT NULL,
        finish_overdue BIGINT NOT NULL, help_overdue BIGINT NOT NULL,
        PRIMARY KEY(baseline_id, place_id));
      CREATE TABLE decision(
        id BIGSERIAL PRIMARY KEY, place_id BIGINT NOT NULL, text TEXT COLLATE "C" NOT NULL,
        owner TEXT COLLATE "C" NOT NULL, due_at BIGINT, recorded_at BIGINT NOT NULL, done_at BIGINT);
      CREATE INDEX decision_by_place ON decision(place_id, recorded_at);
      CREATE TABLE duty_post(
        id BIGSERIAL PRIMARY KEY, place_id BIGINT NOT NULL, role TEXT COLLATE "C" NOT NULL,
        person TEXT COLLATE "C" NOT NULL, phone TEXT COLLATE "C" NOT NULL DEFAULT '',
        start_minute INTEGER NOT NULL, length_minutes INTEGER NOT NULL, on_days INTEGER NOT NULL DEFAULT 1,
        off_days INTEGER NOT NULL DEFAULT 0, anchor_day BIGINT NOT NULL DEFAULT 0);
      CREATE INDEX duty_post_by_place ON duty_post(place_id);
      CREATE TABLE duty_sign(
        event_id TEXT COLLATE "C" PRIMARY KEY, post_id BIGINT NOT NULL, place_id BIGINT NOT NULL,
        at BIGINT NOT NULL, kind INTEGER NOT NULL);
      CREATE INDEX duty_sign_by_post ON duty_sign(post_id, at);
      GRANT SELECT ON baseline, baseline_figure, decision, duty_post, duty_sign TO wangge_viewer;
      GRANT INSERT, UPDATE ON decision, duty_post, duty_sign TO wangge_station;
      GRANT INSERT, UPDATE, DELETE ON baseline, baseline_figure, decision, duty_post, duty_sign
        TO wangge_commander;
      GRANT USAGE ON SEQUENCE baseline_id_seq TO wangge_commander;
      GRANT USAGE ON SEQUENCE decision_id_seq, duty_post_id_seq TO wangge_station;

      """
    for table in meetingTables {
      sql += """
        CREATE TRIGGER \(table)_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table)
          FOR EACH STATEMENT EXECUTE FUNCTION wangge_notify_change();

        """
    }
    let policies: [(String, String, String?)] = [
      ("baseline", "true", "\(unscoped)"), ("baseline_figure", inScope("place_id"), "\(unscoped)"),
      ("decision", inScope("place_id"), nil), ("duty_post", inScope("place_id"), nil),
      ("duty_sign", inScope("place_id"), nil),
    ]
    for (table, read, write) in policies {
      let w = write ?? read
      sql += """
        ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
        CREATE POLICY scope_read ON \(table) FOR SELECT USING (\(read));
        CREATE POLICY scope_insert ON \(table) FOR INSERT WITH CHECK (\(w));
        CREATE POLICY scope_update ON \(table) FOR UPDATE USING (\(read)) WITH CHECK (\(w));
        CREATE POLICY scope_delete ON \(table) FOR DELETE USING (\(w));

        """
    }
    return sql
  }
}
