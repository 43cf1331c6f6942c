import WanggeStore

extension Migrations {
  /// Screening results, returnees, expected arrivals and home-isolation cases with their checks, and
  /// their rollups (`screening_tally` per place and task; `isolation_stats`, the due time per place
  /// and case with its per-hour counts, releases per place and day).
  static let screeningV6 = """
    CREATE TABLE screening_result(
      task_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, checked INTEGER NOT NULL, returnees INTEGER NOT NULL,
      isolate INTEGER NOT NULL, problems INTEGER NOT NULL, PRIMARY KEY(task_id, unit_id)) WITHOUT ROWID;
    CREATE TABLE screening_tally(
      place_id INTEGER NOT NULL, task_id INTEGER NOT NULL, checked INTEGER NOT NULL, returnees INTEGER NOT NULL,
      isolate INTEGER NOT NULL, problems INTEGER NOT NULL, PRIMARY KEY(place_id, task_id)) WITHOUT ROWID;
    CREATE TABLE returnee(
      id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, name TEXT NOT NULL,
      origin TEXT NOT NULL, arrived_day INTEGER NOT NULL, task_id INTEGER, event_id TEXT NOT NULL);
    CREATE INDEX returnee_by_assignment ON returnee(task_id, unit_id);
    CREATE TABLE arrival(
      household_id INTEGER NOT NULL, name TEXT NOT NULL, unit_id INTEGER NOT NULL, origin TEXT NOT NULL,
      day INTEGER NOT NULL, risk TEXT, arrived_at INTEGER, event_id TEXT NOT NULL,
      PRIMARY KEY(household_id, name)) WITHOUT ROWID;
    CREATE INDEX arrival_by_day ON arrival(day);
    CREATE TABLE isolation_case(
      id INTEGER PRIMARY KEY, household_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, name TEXT NOT NULL,
      risk TEXT NOT NULL, started_at INTEGER NOT NULL, ends_at INTEGER NOT NULL, opened_at INTEGER NOT NULL,
      cadence INTEGER NOT NULL, leader TEXT NOT NULL, status INTEGER NOT NULL, last_check INTEGER,
      closed_at INTEGER, note TEXT NOT NULL DEFAULT '', source TEXT NOT NULL UNIQUE);
    CREATE INDEX isolation_case_by_unit ON isolation_case(unit_id);
    CREATE TABLE isolation_check(
      case_id INTEGER NOT NULL, at INTEGER NOT NULL, event_id TEXT NOT NULL, temperature INTEGER,
      symptoms INTEGER NOT NULL, seal INTEGER NOT NULL);
    CREATE INDEX isolation_check_by_case ON isolation_check(case_id, at);
    CREATE TABLE isolation_stats(
      place_id INTEGER PRIMARY KEY, active INTEGER NOT NULL, released INTEGER NOT NULL,
      transferred INTEGER NOT NULL, lost INTEGER NOT NULL, returnees INTEGER NOT NULL, expected INTEGER NOT NULL,
      symptoms INTEGER NOT NULL);
    CREATE TABLE isolation_due(
      place_id INTEGER NOT NULL, case_id INTEGER NOT NULL, due_at INTEGER NOT NULL,
      PRIMARY KEY(place_id, case_id)) WITHOUT ROWID;
    CREATE INDEX isolation_due_by_time ON isolation_due(place_id, due_at);
    CREATE TABLE isolation_due_hour(
      place_id INTEGER NOT NULL, hour INTEGER NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY(place_id, hour)) WITHOUT ROWID;
    CREATE TABLE isolation_day(
      place_id INTEGER NOT NULL, day INTEGER NOT NULL, released INTEGER NOT NULL,
      PRIMARY KEY(place_id, day)) WITHOUT ROWID;
    PRAGMA user_version = 6;
    """
}

extension Migrations {
  /// `v11-screening-groups`: see ``ScreeningGroupSchema``.
  static let screeningGroupsV11 =
    ScreeningGroupSchema.sql(int: "INTEGER") + "PRAGMA user_version = 11;"
}
