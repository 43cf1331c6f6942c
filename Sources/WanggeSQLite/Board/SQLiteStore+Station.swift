import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore: BoardSource {
  public func stationUnits(under station: Int64, at now: Instant, window: Span) throws -> [StationUnitRow] {
    try read { db in
      let units = try Self.unitsUnder(db, station)
      guard !units.isEmpty else { return [] }
      let list = units.map { String($0.id) }.joined(separator: ",")
      var rows: [Int64: StationUnitRow] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT s.place_id, coalesce(l.name, ''), coalesce(d.name, ''), coalesce(l.phone, ''),
                 coalesce(u.group_built, 0),
                 s.households, s.reached_group + s.reached_phone
          -- A unit without a leader (households imported, no unit row yet) is listed too: 无单元长.
          FROM place_stats s LEFT JOIN unit u ON u.place_id = s.place_id
          LEFT JOIN leader l ON l.id = u.leader_id LEFT JOIN department d ON d.id = l.department_id
          WHERE s.place_id IN (\(list))
          """)
      {
        let id: Int64 = row[0]
        rows[id] = StationUnitRow(
          unitID: id, label: [], leaderName: row[1], department: row[2], leaderPhone: row[3],
          groupBuilt: (row[4] as Int) != 0, households: row[5], reached: row[6], currentTask: nil)
      }
      for unit in units { rows[unit.id]?.label = unit.path }
      // The current task of each unit: the latest task of the window that assigned it.
      var missing = Set(units.map(\.id))
      for task in try Self.taskInfos(db, at: now, window: window).reversed() where !missing.isEmpty {
        let ids = missing.map(String.init).joined(separator: ",")
        for row in try Row.fetchAll(
          db,
          sql:
            "SELECT unit_id, acked_at, finished_at FROM assignment WHERE task_id = ? AND unit_id IN (\(ids))",
          arguments: [task.id])
        {
          let unit: Int64 = row[0]
          missing.remove(unit)
          rows[unit]?.currentTask = TaskAssignmentRow(
            taskID: task.id, title: task.title, type: task.type, deadlines: task.deadlines,
            assignment: Assignment(task: task.id, unit: unit, row: row, ackedColumn: 1, finishedColumn: 2))
        }
      }
      return units.compactMap { rows[$0.id] }
    }
  }

  /// A task's identity and deadlines, for the board's lists.
  struct TaskInfo {
    var id: Int64
    var type: String
    var title: String
    var deadlines: Deadlines
    var issuedAt: Instant = Instant(epochSeconds: 0)
  }

  /// Tasks issued within `window` before `now`, oldest first.
  static func taskInfos(_ db: Database, at now: Instant, window: Span) throws -> [TaskInfo] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT id, type, title, issued_at, ack_within, finish_within FROM task
        WHERE issued_at > ? AND issued_at <= ? ORDER BY id
        """,
      arguments: [(now - window).epochSeconds, now.epochSeconds]
    ).map { row in
      let issued = Instant(epochSeconds: row[3])
      return TaskInfo(
        id: row[0], type: row[1], title: row[2],
        deadlines: Deadlines(ack: issued + Span(seconds: row[4]), finish: issued + Span(seconds: row[5])),
        issuedAt: issued)
    }
  }

  /// A unit below some place, with its names below that place.
  struct UnitBelow {
    var id: Int64
    var path: [String]
  }

  /// The units under `scope` (or `scope` itself when it is a unit), in tree order.
  static func unitsUnder(_ db: Database, _ scope: Int64) throws -> [UnitBelow] {
    let unitDepth = try Int.fetchOne(db, sql: "SELECT max(depth) FROM level") ?? 0
    var frontier: [(id: Int64, depth: Int, path: [String])] = []
    if let row = try Row.fetchOne(db, sql: "SELECT id, depth FROM place WHERE id = ?", arguments: [scope]) {
      frontier = [(row[0], row[1], [])]
    }
    var units: [UnitBelow] = []
    while !frontier.isEmpty {
      var next: [(id: Int64, depth: Int, path: [String])] = []
      for item in frontier {
        if item.depth >= unitDepth {
          units.append(UnitBelow(id: item.id, path: item.path))
          continue
        }
        for row in try Row.fetchAll(
          db, sql: "SELECT id, depth, name FROM place WHERE parent_id = ? ORDER BY id", arguments: [item.id])
        {
          next.append((row[0], row[1], item.path + [row[2] as String]))
        }
      }
      frontier = next
    }
    return units
  }

  /// How many units lie under `scope` (from the rollup, O(1)).
  static func unitCount(_ db: Database, _ scope: Int64) throws -> Int {
    try Int.fetchOne(db, sql: "SELECT units FROM place_stats WHERE place_id = ?", arguments: [scope]) ?? 0
  }
}
