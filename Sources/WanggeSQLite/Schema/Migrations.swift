import WanggeStore
import GRDB

/// The store's schema as GRDB migrations. A shipped migration is never edited; add a new one instead.
enum Migrations {
  /// The migration that adds secondary indexes; a bulk load stops before it and runs it at the end.
  static let tablesMigration = "v1-grid"
  static let indexMigration = "v1-indexes"

  static func migrator() -> DatabaseMigrator {
    var m = DatabaseMigrator()
    m.registerMigration("v1-grid") { db in
      try db.execute(sql: schemaV1)
    }
    m.registerMigration(indexMigration) { db in
      try db.execute(sql: indexesV1)
    }
    m.registerMigration("v2-dispatch") { db in
      try db.execute(sql: dispatchV2)
    }
    m.registerMigration("v3-help-due-hours") { db in
      try db.execute(sql: helpDueHoursV3)
    }
    m.registerMigration("v4-event-integrity") { db in
      try db.execute(sql: eventIntegrityV4)
    }
    m.registerMigration("v5-audit-append-only") { db in
      try db.execute(sql: auditAppendOnlyV5)
    }
    m.registerMigration("v6-screening") { db in
      try db.execute(sql: screeningV6)
    }
    m.registerMigration("v7-meetings") { db in try db.execute(sql: meetingsV7) }
    m.registerMigration(CensusSchema.identifier) { db in try db.execute(sql: CensusSchema.sql) }
    m.registerMigration("v9-orders") { db in
      try db.execute(sql: OrderSchema.tables(int: "INTEGER", text: "TEXT") + "\nPRAGMA user_version = 9;")
    }
    m.registerMigration("v10-reports") { db in
      try db.execute(sql: reportsV10)
    }
    m.registerMigration("v11-screening-groups") { db in try db.execute(sql: screeningGroupsV11) }
    m.registerMigration("v12-visits") { db in try db.execute(sql: SQLiteStore.visitsV12) }
    m.registerMigration("v14-duty") { db in try dutyV14(db) }
    m.registerMigration("v16-decisions") { db in try db.execute(sql: decisionsV16) }
    m.registerMigration("v17-open-assignments") { db in try db.execute(sql: openAssignmentsV17) }
    m.registerMigration("v18-green-due") { db in try db.execute(sql: greenDueV18) }
    m.registerMigration("v19-order-rollups-clustered") { db in try db.execute(sql: orderRollupsClusteredV19) }
    return m
  }

  /// The schema version this binary writes (`PRAGMA user_version`, set by the latest migration).
  /// A store with a higher version, or a migration this binary does not know, is refused.
  static let schemaVersion = 19

  /// Every migration this binary knows, oldest first.
  static var identifiers: [String] {
    [
      "v1-grid", indexMigration, "v2-dispatch", "v3-help-due-hours", "v4-event-integrity",
      "v5-audit-append-only", "v6-screening", "v7-meetings", CensusSchema.identifier, "v9-orders",
      "v10-reports", "v11-screening-groups", "v12-visits", "v14-duty", "v16-decisions",
      "v17-open-assignments", "v18-green-due", "v19-order-rollups-clustered",
    ]
  }

  /// Tables without indexes that a bulk load would slow down; `indexesV1` adds those afterwards.
  static let schemaV1 = """
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE level(depth INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE place(
      id INTEGER PRIMARY KEY, parent_id INTEGER, depth INTEGER NOT NULL,
      name TEXT NOT NULL, has_station INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE department(id INTEGER PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE squad(
      id INTEGER PRIMARY KEY, department_id INTEGER NOT NULL, name TEXT NOT NULL, leader_name TEXT NOT NULL);
    CREATE TABLE leader(
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, department_id INTEGER NOT NULL,
      squad_id INTEGER, home TEXT NOT NULL);
    CREATE TABLE unit(
      place_id INTEGER PRIMARY KEY, leader_id INTEGER NOT NULL, group_built INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE household(
      id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL, room TEXT NOT NULL, head_name TEXT NOT NULL,
      phone TEXT NOT NULL, size INTEGER NOT NULL, reach INTEGER NOT NULL, flags INTEGER NOT NULL);
    CREATE TABLE help_case(
      household_id INTEGER PRIMARY KEY, mode INTEGER NOT NULL, helper_name TEXT NOT NULL,
      cadence INTEGER NOT NULL, last_visit INTEGER, opened_at INTEGER NOT NULL,
      green INTEGER NOT NULL DEFAULT 0, needs TEXT NOT NULL DEFAULT '');
    CREATE TABLE volunteer(
      id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT NOT NULL, party_member INTEGER NOT NULL,
      place_id INTEGER NOT NULL);
    CREATE TABLE task(
      id INTEGER PRIMARY KEY, type TEXT NOT NULL, title TEXT NOT NULL, details TEXT NOT NULL DEFAULT '',
      scope_id INTEGER NOT NULL, issued_at INTEGER NOT NULL, ack_within INTEGER NOT NULL,
      finish_within INTEGER NOT NULL);
    CREATE TABLE assignment(
      task_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, acked_at INTEGER, finished_at INTEGER, result TEXT,
      PRIMARY KEY(task_id, unit_id)) WITHOUT ROWID;
    CREATE TABLE visit(household_id INTEGER NOT NULL, at INTEGER NOT NULL, event_id TEXT NOT NULL);
    CREATE TABLE event(
      id TEXT PRIMARY KEY, type TEXT NOT NULL, at INTEGER NOT NULL, recorded_at INTEGER NOT NULL) WITHOUT ROWID;
    -- Rollups: changed in the same transaction as the rows they count.
    CREATE TABLE place_stats(
      place_id INTEGER PRIMARY KEY, households INTEGER NOT NULL, people INTEGER NOT NULL,
      units INTEGER NOT NULL, leaders INTEGER NOT NULL, stations INTEGER NOT NULL,
      groups_built INTEGER NOT NULL, reached_group INTEGER NOT NULL, reached_phone INTEGER NOT NULL,
      help_cases INTEGER NOT NULL, green_open INTEGER NOT NULL);
    CREATE TABLE task_tally(
      place_id INTEGER NOT NULL, task_id INTEGER NOT NULL, assigned INTEGER NOT NULL, acked INTEGER NOT NULL,
      acked_on_time INTEGER NOT NULL, finished INTEGER NOT NULL, finished_on_time INTEGER NOT NULL,
      PRIMARY KEY(place_id, task_id)) WITHOUT ROWID;
    CREATE TABLE help_due(
      place_id INTEGER NOT NULL, household_id INTEGER NOT NULL, due_at INTEGER NOT NULL,
      PRIMARY KEY(place_id, household_id)) WITHOUT ROWID;
    CREATE TABLE level_count(
      place_id INTEGER NOT NULL, depth INTEGER NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY(place_id, depth)) WITHOUT ROWID;
    """

  /// Secondary indexes, created after a bulk load (or right away for an empty store).
  static let indexesV1 = """
    CREATE UNIQUE INDEX IF NOT EXISTS place_by_parent_name ON place(parent_id, name);
    CREATE INDEX IF NOT EXISTS unit_by_leader ON unit(leader_id);
    CREATE INDEX IF NOT EXISTS household_by_unit ON household(unit_id);
    CREATE INDEX IF NOT EXISTS help_due_by_time ON help_due(place_id, due_at);
    CREATE INDEX IF NOT EXISTS leader_by_department ON leader(department_id);
    CREATE INDEX IF NOT EXISTS task_by_issue ON task(issued_at);
    CREATE INDEX IF NOT EXISTS visit_by_household ON visit(household_id, at);
    """

  /// Dispatch: an audit trail that outlives withdrawn tasks, reminders, and task tallies by task
  /// (to withdraw a task without scanning every tally).
  static let dispatchV2 = """
    CREATE TABLE audit(
      id INTEGER PRIMARY KEY, at INTEGER NOT NULL, operator TEXT NOT NULL, action TEXT NOT NULL,
      task_id INTEGER, scope_id INTEGER, detail TEXT NOT NULL DEFAULT '');
    CREATE TABLE reminder(
      task_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, at INTEGER NOT NULL, operator TEXT NOT NULL,
      PRIMARY KEY(task_id, unit_id, at)) WITHOUT ROWID;
    CREATE INDEX task_tally_by_task ON task_tally(task_id);
    CREATE INDEX audit_by_task ON audit(task_id);
    """

  /// Help cases due per place and hour, so that "overdue for a visit" at any place costs the hours
  /// before now plus one hour of `help_due`, not every case below the place. Rows may hold 0.
  static let helpDueHoursV3 = """
    CREATE TABLE help_due_hour(
      place_id INTEGER NOT NULL, hour INTEGER NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY(place_id, hour)) WITHOUT ROWID;
    INSERT INTO help_due_hour SELECT place_id, due_at / 3600, count(*) FROM help_due GROUP BY place_id, due_at / 3600;
    """

  /// Event integrity: who sent each event (`source`), a digest of its content (so an id sent again
  /// with other content is a conflict, not a silent duplicate), the unit it concerns (`place_id`, for
  /// the late-arrival figure, read through `event_by_recorded`), and task ids that are never reused
  /// (`task_sequence` holds the last id handed out, including ids of withdrawn tasks in the audit).
  static let eventIntegrityV4 = """
    ALTER TABLE event ADD COLUMN source TEXT NOT NULL DEFAULT '';
    ALTER TABLE event ADD COLUMN digest INTEGER;
    ALTER TABLE event ADD COLUMN place_id INTEGER;
    CREATE INDEX event_by_recorded ON event(recorded_at, place_id, at);
    CREATE TABLE task_sequence(id INTEGER PRIMARY KEY CHECK (id = 1), last INTEGER NOT NULL);
    INSERT INTO task_sequence VALUES (1, max(
      coalesce((SELECT max(id) FROM task), 0), coalesce((SELECT max(task_id) FROM audit), 0)));
    PRAGMA user_version = 4;
    """

  /// The audit trail (dispatches, withdrawals, reminders, reveals) is append-only: triggers refuse
  /// every UPDATE and DELETE of it, like the PostgreSQL engine's.
  static let auditAppendOnlyV5 = """
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: UPDATE refused'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: DELETE refused'); END;
    CREATE INDEX audit_by_scope ON audit(scope_id, at);
    PRAGMA user_version = 5;
    """
}
