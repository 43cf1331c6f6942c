import WanggeCore
import WanggeStore

/// The simulator's reads on PostgreSQL: short indexed look-ups inside one read snapshot, for the
/// shared ``GridEventPlanner`` (the same SQL as SQLite's, with `$n` parameters).
struct PGPlannerReads: PlannerReads {
  let db: PGConnection
  var screeningSQL: any ScreeningSQL { PGScreeningSQL(db) }

  /// Each probe walks a primary key in order from `$1`, looks at no more than `$2` rows (NULL: no
  /// bound) and returns up to `$3` of those that qualify, the key first; `$4` is the probe's extra.
  static let probes: [PlannerProbe: String] = [
    .unacknowledged: """
    SELECT unit_id FROM (
      SELECT unit_id, acked_at FROM assignment WHERE task_id = $4 AND unit_id >= $1 ORDER BY unit_id LIMIT $2
    ) w WHERE acked_at IS NULL LIMIT $3
    """,
    .unfinished: """
    SELECT unit_id FROM (
      SELECT unit_id, acked_at, finished_at FROM assignment WHERE task_id = $4 AND unit_id >= $1
      ORDER BY unit_id LIMIT $2
    ) w WHERE acked_at IS NOT NULL AND finished_at IS NULL LIMIT $3
    """,
    .unreached: """
    SELECT id, unit_id FROM (SELECT id, unit_id, reach FROM household WHERE id >= $1 ORDER BY id LIMIT $2) w
    WHERE reach = 0 LIMIT $3
    """,
    .groupMissing: """
    SELECT place_id FROM (
      SELECT place_id, group_built FROM unit WHERE place_id >= $1 ORDER BY place_id LIMIT $2
    ) w WHERE group_built = 0 LIMIT $3
    """,
    .notVisited: """
    SELECT household_id FROM (
      SELECT household_id, last_visit FROM help_case WHERE household_id >= $1 ORDER BY household_id LIMIT $2
    ) w WHERE coalesce(last_visit, -1) < $4 LIMIT $3
    """,
  ]

  func gridShape() throws -> PlannerGridShape {
    PlannerGridShape(
      rootID: try PostgresStore.root(db).id, unitDepth: try PostgresStore.unitDepth(db),
      communityDepth: try db.exec("SELECT depth FROM level WHERE name = '社区'").first?.get(0),
      units: try keys("unit", "place_id"), households: try keys("household", "id"),
      helpCases: try keys("help_case", "household_id"))
  }

  /// The smallest and largest primary key of `table` (two index look-ups), nil when it is empty.
  private func keys(_ table: String, _ key: String) throws -> ClosedRange<Int64>? {
    guard
      let lo: Int64 = try db.exec("SELECT \(key) FROM \(table) ORDER BY \(key) LIMIT 1").first?.get(0),
      let hi: Int64 = try db.exec("SELECT \(key) FROM \(table) ORDER BY \(key) DESC LIMIT 1").first?.get(0)
    else { return nil }
    return lo...hi
  }

  func probe(_ probe: PlannerProbe, from start: Int64, window: Int?, want: Int, extra: Int64?) throws
    -> [[Int64]]
  {
    var params: [(any PGBindable)?] = [start, window, want]
    if let extra { params.append(extra) }
    return try db.exec(Self.probes[probe]!, params).map { row in
      try (0..<row.result.columnCount).map { try row.get($0, as: Int64.self) }
    }
  }

  func tasks(root: Int64, issuedAfter after: Int64, until: Int64) throws -> [PlannerTaskRow] {
    try db.exec(
      """
      SELECT t.id, t.issued_at, t.finish_within, s.assigned - s.acked, s.acked - s.finished
      FROM task t JOIN task_tally s ON s.place_id = $3 AND s.task_id = t.id
      WHERE t.issued_at > $1 AND t.issued_at <= $2 ORDER BY t.id
      """, [after, until, root]
    ).map {
      PlannerTaskRow(
        id: try $0.get(0), issuedAt: try $0.get(1), finishWithin: try $0.get(2),
        unacknowledged: try $0.get(3),
        unfinished: try $0.get(4))
    }
  }

  func backlog(root: Int64) throws -> PlannerBacklog? {
    try db.exec(
      """
      SELECT households - reached_group - reached_phone, units - groups_built, help_cases
      FROM place_stats WHERE place_id = $1
      """, [root]
    ).first.map {
      PlannerBacklog(unreached: try $0.get(0), groupsMissing: try $0.get(1), helpCases: try $0.get(2))
    }
  }

  func unitRange(task: Int64) throws -> ClosedRange<Int64>? {
    let sql = "SELECT unit_id FROM assignment WHERE task_id = $1 ORDER BY unit_id"
    guard let lo: Int64 = try db.exec(sql + " LIMIT 1", [task]).first?.get(0) else { return nil }
    return lo...(try db.exec(sql + " DESC LIMIT 1", [task]).first?.get(0) ?? lo)
  }

  func householdCount(unit: Int64) throws -> Int {
    try db.exec("SELECT count(*) FROM household WHERE unit_id = $1", [unit])[0].get(0)
  }

  func overdueVisits(root: Int64, dueBy: Int64, limit: Int) throws -> [Int64] {
    try db.exec(
      "SELECT household_id FROM help_due WHERE place_id = $1 AND due_at <= $2 ORDER BY due_at LIMIT $3",
      [root, dueBy, limit]
    ).map { try $0.get(0) }
  }

  func groupBuilt(unit: Int64) throws -> Bool {
    try db.exec("SELECT group_built FROM unit WHERE place_id = $1", [unit]).first?.get(0, as: Int64.self) == 1
  }

  func newestTaskIssue() throws -> Int64? {
    try db.exec("SELECT max(issued_at) FROM task")[0].optional(0, as: Int64.self)
  }

  func children(of place: Int64) throws -> [Int64] {
    try db.exec("SELECT id FROM place WHERE parent_id = $1 ORDER BY id", [place]).map { try $0.get(0) }
  }

  func depth(of place: Int64) throws -> Int? {
    try db.exec("SELECT depth FROM place WHERE id = $1", [place]).first?.get(0)
  }

  func hasUnits(under place: Int64) throws -> Bool {
    try !db.exec(
      """
      WITH RECURSIVE sub(id) AS (
        SELECT id FROM place WHERE parent_id = $1
        UNION ALL SELECT p.id FROM place p JOIN sub ON p.parent_id = sub.id)
      SELECT 1 FROM sub JOIN unit u ON u.place_id = sub.id LIMIT 1
      """, [place]
    ).isEmpty
  }
}

extension PostgresStore: PlannerSource, SimulationSource {
  public func withPlannerReads<T>(_ body: (any PlannerReads) throws -> T) throws -> T {
    try read { db in try body(PGPlannerReads(db: db)) }
  }

  /// A planner for this store, its random choices seeded with `seed`.
  public func eventPlanner(seed: UInt64) throws -> any EventPlanner {
    GridEventPlanner(source: self, seed: seed)
  }
}

/// The whole store contract on PostgreSQL.
extension PostgresStore: GridStore {}
