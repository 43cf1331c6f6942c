extension Migrations {
  /// Meetings: baselines (a copy of each place's figures from the rollups at one instant, one row per
  /// place above the units), decisions recorded at meetings, and the duty roster with its sign-ins.
  static let meetingsV7 = """
    CREATE TABLE baseline(
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, at INTEGER NOT NULL, window_seconds INTEGER NOT NULL,
      places INTEGER NOT NULL);
    CREATE TABLE baseline_figure(
      baseline_id INTEGER NOT NULL, place_id INTEGER NOT NULL,
      households INTEGER NOT NULL, people INTEGER NOT NULL, units INTEGER NOT NULL, leaders INTEGER NOT NULL,
      stations INTEGER NOT NULL, groups_built INTEGER NOT NULL, reached_group INTEGER NOT NULL,
      reached_phone INTEGER NOT NULL, help_cases INTEGER NOT NULL, green_open INTEGER NOT NULL,
      assigned INTEGER NOT NULL, acked_on_time INTEGER NOT NULL, acked_late INTEGER NOT NULL,
      ack_overdue INTEGER NOT NULL, finished_on_time INTEGER NOT NULL, finished_late INTEGER NOT NULL,
      finish_overdue INTEGER NOT NULL, help_overdue INTEGER NOT NULL,
      PRIMARY KEY(baseline_id, place_id)) WITHOUT ROWID;
    CREATE TABLE decision(
      id INTEGER PRIMARY KEY, place_id INTEGER NOT NULL, text TEXT NOT NULL, owner TEXT NOT NULL,
      due_at INTEGER, recorded_at INTEGER NOT NULL, done_at INTEGER);
    CREATE INDEX decision_by_place ON decision(place_id, recorded_at);
    CREATE TABLE duty_post(
      id INTEGER PRIMARY KEY, place_id INTEGER NOT NULL, role TEXT NOT NULL, person TEXT NOT NULL,
      phone TEXT NOT NULL DEFAULT '', start_minute INTEGER NOT NULL, length_minutes INTEGER NOT NULL,
      on_days INTEGER NOT NULL DEFAULT 1, off_days INTEGER NOT NULL DEFAULT 0, anchor_day INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX duty_post_by_place ON duty_post(place_id);
    CREATE TABLE duty_sign(
      event_id TEXT PRIMARY KEY, post_id INTEGER NOT NULL, place_id INTEGER NOT NULL, at INTEGER NOT NULL,
      kind INTEGER NOT NULL) WITHOUT ROWID;
    CREATE INDEX duty_sign_by_post ON duty_sign(post_id, at);
    PRAGMA user_version = 7;
    """
}
