import GRDB
import WanggeCore
import WanggeStore

/// The simulator's reads on SQLite: short indexed look-ups inside one read snapshot, for the shared
/// ``GridEventPlanner``.
struct SQLitePlannerReads: PlannerReads {
  let db: Database
  var screeningSQL: any ScreeningSQL { GRDBScreeningSQL(db) }

  /// Each probe walks a primary key in order from `?1`, looks at no more than `?2` rows (-1: no
  /// bound) and returns up to `?3` of those that qualify, the key first; `?4` is the probe's extra.
  static let probes: [PlannerProbe: String] = [
    .unacknowledged: """
    SELECT unit_id FROM (
      SELECT unit_id, acked_at FROM assignment WHERE task_id = ?4 AND unit_id >= ?1 ORDER BY unit_id LIMIT ?2)
    WHERE acked_at IS NULL LIMIT ?3
    """,
    .unfinished: """
    SELECT unit_id FROM (
      SELECT unit_id, acked_at, finished_at FROM assignment WHERE task_id = ?4 AND unit_id >= ?1
      ORDER BY unit_id LIMIT ?2)
    WHERE acked_at IS NOT NULL AND finished_at IS NULL LIMIT ?3
    """,
    .unreached: """
    SELECT id, unit_id FROM (SELECT id, unit_id, reach FROM household WHERE id >= ?1 ORDER BY id LIMIT ?2)
    WHERE reach = 0 LIMIT ?3
    """,
    .groupMissing: """
    SELECT place_id FROM (SELECT place_id, group_built FROM unit WHERE place_id >= ?1 ORDER BY place_id LIMIT ?2)
    WHERE group_built = 0 LIMIT ?3
    """,
    .notVisited: """
    SELECT household_id FROM (
      SELECT household_id, last_visit FROM help_case WHERE household_id >= ?1 ORDER BY household_id LIMIT ?2)
    WHERE coalesce(last_visit, -1) < ?4 LIMIT ?3
    """,
  ]

  func gridShape() throws -> PlannerGridShape {
    let unitDepth = try Int.fetchOne(db, sql: "SELECT max(depth) FROM level") ?? 0
    return PlannerGridShape(
      rootID: try SQLiteStore.root(db).id, unitDepth: unitDepth,
      communityDepth: try Int.fetchOne(db, sql: "SELECT depth FROM level WHERE name = '社区'"),
      units: try keys("unit", "place_id"), households: try keys("household", "id"),
      helpCases: try keys("help_case", "household_id"))
  }

  /// The smallest and largest primary key of `table` (two index look-ups), nil when it is empty.
  private func keys(_ table: String, _ key: String) throws -> ClosedRange<Int64>? {
    guard
      let lo = try Int64.fetchOne(db, sql: "SELECT \(key) FROM \(table) ORDER BY \(key) LIMIT 1"),
      let hi = try Int64.fetchOne(db, sql: "SELECT \(key) FROM \(table) ORDER BY \(key) DESC LIMIT 1")
    else { return nil }
    return lo...hi
  }

  func probe(_ probe: PlannerProbe, from start: Int64, window: Int?, want: Int, extra: Int64?) throws
    -> [[Int64]]
  {
    var values: [(any DatabaseValueConvertible)?] = [start, window ?? -1, want]
    if let extra { values.append(extra) }
    return try Row.fetchAll(db, sql: Self.probes[probe]!, arguments: StatementArguments(values)).map {
      row in (0..<row.count).map { row[$0] }
    }
  }

  func tasks(root: Int64, issuedAfter after: Int64, until: Int64) throws -> [PlannerTaskRow] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT t.id, t.issued_at, t.finish_within, s.assigned - s.acked, s.acked - s.finished
        FROM task t JOIN task_tally s ON s.place_id = ? AND s.task_id = t.id
        WHERE t.issued_at > ? AND t.issued_at <= ? ORDER BY t.id
        """, arguments: [root, after, until]
    ).map {
      PlannerTaskRow(
        id: $0[0], issuedAt: $0[1], finishWithin: $0[2], unacknowledged: $0[3], unfinished: $0[4])
    }
  }

  func backlog(root: Int64) throws -> PlannerBacklog? {
    try Row.fetchOne(
      db,
      sql: """
        SELECT households - reached_group - reached_phone, units - groups_built, help_cases
        FROM place_stats WHERE place_id = ?
        """, arguments: [root]
    ).map { PlannerBacklog(unreached: $0[0], groupsMissing: $0[1], helpCases: $0[2]) }
  }

  func unitRange(task: Int64) throws -> ClosedRange<Int64>? {
    let sql = "SELECT unit_id FROM assignment WHERE task_id = ? ORDER BY unit_id"
    guard let lo = try Int64.fetchOne(db, sql: sql + " LIMIT 1", arguments: [task]) else { return nil }
    return lo...(try Int64.fetchOne(db, sql: sql + " DESC LIMIT 1", arguments: [task]) ?? lo)
  }

  func householdCount(unit: Int64) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT count(*) FROM household WHERE unit_id = ?", arguments: [unit]) ?? 0
  }

  func overdueVisits(root: Int64, dueBy: Int64, limit: Int) throws -> [Int64] {
    try Int64.fetchAll(
      db, sql: "SELECT household_id FROM help_due WHERE place_id = ? AND due_at <= ? ORDER BY due_at LIMIT ?",
      arguments: [root, dueBy, limit])
  }

  func groupBuilt(unit: Int64) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT group_built FROM unit WHERE place_id = ?", arguments: [unit]) == true
  }

  func newestTaskIssue() throws -> Int64? { try Int64.fetchOne(db, sql: "SELECT max(issued_at) FROM task") }

  func children(of place: Int64) throws -> [Int64] {
    try Int64.fetchAll(db, sql: "SELECT id FROM place WHERE parent_id = ? ORDER BY id", arguments: [place])
  }

  func depth(of place: Int64) throws -> Int? {
    try Int.fetchOne(db, sql: "SELECT depth FROM place WHERE id = ?", arguments: [place])
  }

  func hasUnits(under place: Int64) throws -> Bool {
    try Int.fetchOne(
      db,
      sql: """
        WITH RECURSIVE sub(id) AS (
          SELECT id FROM place WHERE parent_id = ?
          UNION ALL SELECT p.id FROM place p JOIN sub ON p.parent_id = sub.id)
        SELECT 1 FROM sub JOIN unit u ON u.place_id = sub.id LIMIT 1
        """, arguments: [place]) != nil
  }
}

extension SQLiteStore: PlannerSource, SimulationSource {
  public func withPlannerReads<T>(_ body: (any PlannerReads) throws -> T) throws -> T {
    try read { db in try body(SQLitePlannerReads(db: db)) }
  }

  public func eventPlanner(seed: UInt64) throws -> any EventPlanner {
    GridEventPlanner(source: self, seed: seed)
  }
}
