/// The PostgreSQL store's schema as numbered migrations, the same tables and rollups as the SQLite
/// engine's (`Migrations` in WanggeStore, through its version 4) with PostgreSQL types: ids, instants
/// and counts are BIGINT, text compares byte by byte (`COLLATE "C"`, like SQLite's BINARY), and each
/// data table tells listeners on `wangge_change` when a transaction that changed it commits.
/// A shipped migration is never edited; add a new one instead.
public enum PostgresSchema {
  /// One step of the schema: applied once, in order, inside the opening transaction.
  public struct Migration: Sendable {
    /// Its place in the order (also the schema version once it is applied).
    public var version: Int
    /// Its name, recorded in `wangge_migrations`.
    public var identifier: String
    /// The statements it runs.
    public var sql: String
  }

  /// The channel each committing change notifies (payload: the table's name).
  public static let changeChannel = "wangge_change"

  /// Every migration this binary knows, oldest first.
  public static let migrations: [Migration] = [
    Migration(version: 1, identifier: "v1-grid", sql: tablesV1),
    Migration(version: 2, identifier: "v2-indexes", sql: indexesV2),
    Migration(version: 3, identifier: "v3-change-feed", sql: changeFeedV3),
    Migration(version: 4, identifier: "v4-change-counter", sql: changeCounterV4),
    Migration(version: 5, identifier: "v5-operators", sql: operatorsV5),
    Migration(version: 6, identifier: "v6-personal-data", sql: personalDataV6),
    Migration(version: 7, identifier: "v7-station-undo", sql: stationUndoV7),
    Migration(version: 8, identifier: "v8-screening", sql: screeningV8),
    Migration(version: 9, identifier: "v9-meetings", sql: meetingsV9),
    Migration(version: 10, identifier: "v10-census", sql: censusV10),
    Migration(version: 11, identifier: "v11-orders", sql: ordersV11),
    Migration(version: 12, identifier: "v12-reports", sql: reportsV12),
    Migration(version: 13, identifier: "v13-screening-groups", sql: screeningGroupsV13),
    Migration(version: 14, identifier: "v14-visits", sql: visitsV14),
    Migration(version: 16, identifier: dutyIdentifier, sql: dutyV16),
    Migration(version: 17, identifier: "v17-ledger2", sql: ledger2V17),
    Migration(version: 18, identifier: "v18-decisions", sql: decisionsV18),
    Migration(version: 19, identifier: "v19-open-assignments", sql: openAssignmentsV19),
  ]

  /// The schema version this binary writes; a store with a higher one is refused.
  public static var schemaVersion: Int { migrations.last!.version }

  /// The migration a bulk load stops after (tables without secondary indexes); it runs the rest at the end.
  public static let tablesVersion = 1

  /// The store's tables, whose changes reach listeners (all but `wangge_migrations`).
  static let dataTables = [
    "meta", "level", "place", "department", "squad", "leader", "unit", "household", "help_case",
    "volunteer", "task", "assignment", "visit", "event", "place_stats", "task_tally", "help_due",
    "level_count", "audit", "reminder", "help_due_hour", "task_sequence",
  ]

  /// The tables the operators' migration adds (not copied between stores: operators belong to a server).
  static let operatorTables = ["operator"]

  /// Every function the migrations create, for replacing a store whole (tables drop with CASCADE).
  static let storeFunctions =
    [
      "wangge_notify_change", "wangge_add_stats", "wangge_add_tally", "wangge_audit_append_only",
      "wangge_check_rollup_places", "wangge_move_help_due", "wangge_operator_role", "wangge_scope_ancestors",
      "wangge_scope_places", "wangge_unscoped",
    ] + personalDataFunctions + stationUndoFunctions + censusFunctions
    + orderFunctions + volunteerFunctions + dutyFunctions

  static let tablesV1 = """
    CREATE TABLE meta(key TEXT COLLATE "C" PRIMARY KEY, value TEXT COLLATE "C" NOT NULL);
    CREATE TABLE level(depth INTEGER PRIMARY KEY, name TEXT COLLATE "C" NOT NULL);
    CREATE TABLE place(
      id BIGINT PRIMARY KEY, parent_id BIGINT, depth INTEGER NOT NULL,
      name TEXT COLLATE "C" NOT NULL, has_station INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE department(id BIGINT PRIMARY KEY, name TEXT COLLATE "C" NOT NULL);
    CREATE TABLE squad(
      id BIGINT PRIMARY KEY, department_id BIGINT NOT NULL, name TEXT COLLATE "C" NOT NULL,
      leader_name TEXT COLLATE "C" NOT NULL);
    CREATE TABLE leader(
      id BIGINT PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, phone TEXT COLLATE "C" NOT NULL,
      department_id BIGINT NOT NULL, squad_id BIGINT, home TEXT COLLATE "C" NOT NULL);
    CREATE TABLE unit(
      place_id BIGINT PRIMARY KEY, leader_id BIGINT NOT NULL, group_built INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE household(
      id BIGINT PRIMARY KEY, unit_id BIGINT NOT NULL, room TEXT COLLATE "C" NOT NULL,
      head_name TEXT COLLATE "C" NOT NULL, phone TEXT COLLATE "C" NOT NULL, size INTEGER NOT NULL,
      reach INTEGER NOT NULL, flags INTEGER NOT NULL);
    CREATE TABLE help_case(
      household_id BIGINT PRIMARY KEY, mode INTEGER NOT NULL, helper_name TEXT COLLATE "C" NOT NULL,
      cadence BIGINT NOT NULL, last_visit BIGINT, opened_at BIGINT NOT NULL,
      green INTEGER NOT NULL DEFAULT 0, needs TEXT COLLATE "C" NOT NULL DEFAULT '');
    CREATE TABLE volunteer(
      id BIGINT PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, phone TEXT COLLATE "C" NOT NULL,
      party_member INTEGER NOT NULL, place_id BIGINT NOT NULL);
    CREATE TABLE task(
      id BIGINT PRIMARY KEY, type TEXT COLLATE "C" NOT NULL, title TEXT COLLATE "C" NOT NULL,
      details TEXT COLLATE "C" NOT NULL DEFAULT '', scope_id BIGINT NOT NULL, issued_at BIGINT NOT NULL,
      ack_within BIGINT NOT NULL, finish_within BIGINT NOT NULL);
    CREATE TABLE assignment(
      task_id BIGINT NOT NULL, unit_id BIGINT NOT NULL, acked_at BIGINT, finished_at BIGINT,
      result TEXT COLLATE "C", PRIMARY KEY(task_id, unit_id));
    CREATE TABLE visit(household_id BIGINT NOT NULL, at BIGINT NOT NULL, event_id TEXT COLLATE "C" NOT NULL);
    CREATE TABLE event(
      id TEXT COLLATE "C" PRIMARY KEY, type TEXT COLLATE "C" NOT NULL, at BIGINT NOT NULL,
      recorded_at BIGINT NOT NULL, source TEXT COLLATE "C" NOT NULL DEFAULT '', digest BIGINT,
      place_id BIGINT);
    -- Rollups: changed in the same transaction as the rows they count.
    CREATE TABLE place_stats(
      place_id BIGINT PRIMARY KEY, households BIGINT NOT NULL, people BIGINT NOT NULL,
      units BIGINT NOT NULL, leaders BIGINT NOT NULL, stations BIGINT NOT NULL,
      groups_built BIGINT NOT NULL, reached_group BIGINT NOT NULL, reached_phone BIGINT NOT NULL,
      help_cases BIGINT NOT NULL, green_open BIGINT NOT NULL);
    CREATE TABLE task_tally(
      place_id BIGINT NOT NULL, task_id BIGINT NOT NULL, assigned BIGINT NOT NULL, acked BIGINT NOT NULL,
      acked_on_time BIGINT NOT NULL, finished BIGINT NOT NULL, finished_on_time BIGINT NOT NULL,
      PRIMARY KEY(place_id, task_id));
    CREATE TABLE help_due(
      place_id BIGINT NOT NULL, household_id BIGINT NOT NULL, due_at BIGINT NOT NULL,
      PRIMARY KEY(place_id, household_id));
    CREATE TABLE level_count(
      place_id BIGINT NOT NULL, depth INTEGER NOT NULL, count BIGINT NOT NULL, PRIMARY KEY(place_id, depth));
    -- Help cases due per place and hour (rows may hold 0), as in the SQLite engine's v3.
    CREATE TABLE help_due_hour(
      place_id BIGINT NOT NULL, hour BIGINT NOT NULL, count BIGINT NOT NULL, PRIMARY KEY(place_id, hour));
    -- Dispatch: an audit trail that outlives withdrawn tasks, and reminders.
    CREATE TABLE audit(
      id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, at BIGINT NOT NULL,
      operator TEXT COLLATE "C" NOT NULL, action TEXT COLLATE "C" NOT NULL, task_id BIGINT, scope_id BIGINT,
      detail TEXT COLLATE "C" NOT NULL DEFAULT '');
    CREATE TABLE reminder(
      task_id BIGINT NOT NULL, unit_id BIGINT NOT NULL, at BIGINT NOT NULL, operator TEXT COLLATE "C" NOT NULL,
      PRIMARY KEY(task_id, unit_id, at));
    -- The last task id handed out (ids are never reused, withdrawn ones included).
    CREATE TABLE task_sequence(id INTEGER PRIMARY KEY CHECK (id = 1), last BIGINT NOT NULL);
    INSERT INTO task_sequence VALUES (1, 0);
    """

  /// Secondary indexes (a bulk load creates them after its COPYs).
  static let indexesV2 = """
    CREATE UNIQUE INDEX IF NOT EXISTS place_by_parent_name ON place(parent_id, name);
    CREATE INDEX IF NOT EXISTS place_by_parent_id ON place(parent_id, id);
    CREATE INDEX IF NOT EXISTS unit_by_leader ON unit(leader_id);
    CREATE INDEX IF NOT EXISTS household_by_unit ON household(unit_id);
    CREATE INDEX IF NOT EXISTS help_due_by_time ON help_due(place_id, due_at);
    CREATE INDEX IF NOT EXISTS leader_by_department ON leader(department_id);
    CREATE INDEX IF NOT EXISTS task_by_issue ON task(issued_at);
    CREATE INDEX IF NOT EXISTS visit_by_household ON visit(household_id, at);
    CREATE INDEX IF NOT EXISTS task_tally_by_task ON task_tally(task_id);
    CREATE INDEX IF NOT EXISTS audit_by_task ON audit(task_id);
    CREATE INDEX IF NOT EXISTS event_by_recorded ON event(recorded_at, place_id, at);
    """

  /// The live change feed: one statement-level trigger per data table notifies `wangge_change` with
  /// the table's name. NOTIFY is transactional (delivered at commit, dropped on rollback) and folds
  /// repeats within a transaction, so a 20,000-event batch sends one notification per table touched.
  /// A counter of this database's changes for the change token: the change-feed trigger also
  /// advances `wangge_change_counter` (a sequence: never rolled back, never blocks a writer), so the
  /// token moves on this store's writes only, not on other databases' of the same server.
  static let changeCounterV4 = """
    CREATE SEQUENCE wangge_change_counter;
    CREATE OR REPLACE FUNCTION wangge_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM nextval('wangge_change_counter');
      PERFORM pg_notify('\(changeChannel)', TG_TABLE_NAME);
      RETURN NULL;
    END $$;
    """

  static var changeFeedV3: String {
    var sql = """
      CREATE FUNCTION wangge_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('\(changeChannel)', TG_TABLE_NAME);
        RETURN NULL;
      END $$;

      """
    for table in dataTables {
      sql += """
        CREATE TRIGGER \(table)_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table)
          FOR EACH STATEMENT EXECUTE FUNCTION wangge_notify_change();

        """
    }
    return sql
  }
}
