import GRDB
import WanggeCore

extension SQLiteStore {
  /// A task's id and deadlines, the part of a task the figures need.
  struct TaskClock {
    var id: Int64
    var deadlines: Deadlines
  }

  public func figures(for ids: [Int64], at now: Instant, window: Span) throws -> [Int64: PlaceFigures] {
    try figures(for: ids, at: now, window: window, skippingHelpOverdue: [])
  }

  public func figures(for ids: [Int64], at now: Instant, window: Span, skippingHelpOverdue skip: Set<Int64>)
    throws
    -> [Int64: PlaceFigures]
  {
    try pool.read { db in try Self.figures(db, for: ids, at: now, window: window, skippingHelpOverdue: skip) }
  }

  public func taskCount(issuedIn window: Span, before now: Instant) throws -> Int {
    try pool.read { db in try Self.tasks(db, at: now, window: window).count }
  }

  static func tasks(_ db: Database, at now: Instant, window: Span) throws -> [TaskClock] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT id, issued_at, ack_within, finish_within FROM task
        WHERE issued_at > ? AND issued_at <= ? ORDER BY id
        """,
      arguments: [(now - window).epochSeconds, now.epochSeconds]
    ).map { row in
      let issued = Instant(epochSeconds: row[1])
      return TaskClock(
        id: row[0],
        deadlines: Deadlines(
          ack: issued + Span(seconds: row[2]), finish: issued + Span(seconds: row[3])))
    }
  }

  static func figures(
    _ db: Database, for ids: [Int64], at now: Instant, window: Span, skippingHelpOverdue skip: Set<Int64> = []
  ) throws -> [Int64: PlaceFigures] {
    var out: [Int64: PlaceFigures] = [:]
    guard !ids.isEmpty else { return out }
    let unitDepth = try Int.fetchOne(db, sql: "SELECT max(depth) FROM level") ?? 0
    let tasks = try tasks(db, at: now, window: window)
    let taskByID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
    let taskList = tasks.map { String($0.id) }.joined(separator: ",")
    for chunk in stride(from: 0, to: ids.count, by: 400).map({ Array(ids[$0..<min($0 + 400, ids.count)]) }) {
      let list = chunk.map(String.init).joined(separator: ",")
      var unitIDs: [Int64] = []
      for row in try Row.fetchAll(
        db, sql: "SELECT id, depth FROM place WHERE id IN (\(list))")
      where (row[1] as Int) == unitDepth {
        unitIDs.append(row[0])
      }
      for row in try Row.fetchAll(
        db,
        sql:
          "SELECT place_id, \(PlaceStats.columns.joined(separator: ", ")) FROM place_stats WHERE place_id IN (\(list))"
      ) {
        let s = PlaceStats(values: (1...10).map { row[$0] as Int64 })
        var f = PlaceFigures()
        f.households = Int(s.households)
        f.people = Int(s.people)
        f.units = Int(s.units)
        f.unitLeaders = Int(s.leaders)
        f.stations = Int(s.stations)
        f.groupsBuilt = Int(s.groupsBuilt)
        f.reachedInGroup = Int(s.reachedGroup)
        f.reachedByPhone = Int(s.reachedPhone)
        f.helpCases = Int(s.helpCases)
        f.greenChannelOpen = Int(s.greenOpen)
        out[row[0]] = f
      }
      for id in chunk where !skip.contains(id) {
        let cases = out[id]?.helpCases ?? 0
        guard cases > 0 else { continue }
        out[id, default: PlaceFigures()].helpOverdue = try helpOverdue(db, place: id, cases: cases, at: now)
      }
      guard !tasks.isEmpty else { continue }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT place_id, task_id, assigned, acked, acked_on_time, finished, finished_on_time
          FROM task_tally WHERE place_id IN (\(list)) AND task_id IN (\(taskList))
          """)
      {
        guard let task = taskByID[row[1]] else { continue }
        let tally = TaskTally(
          assigned: row[2], acknowledged: row[3], acknowledgedOnTime: row[4], finished: row[5],
          finishedOnTime: row[6])
        out[row[0], default: PlaceFigures()].add(tally, deadlines: task.deadlines, at: now)
      }
      if !unitIDs.isEmpty {
        let units = unitIDs.map(String.init).joined(separator: ",")
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT unit_id, task_id, acked_at, finished_at FROM assignment
            WHERE task_id IN (\(taskList)) AND unit_id IN (\(units))
            """)
        {
          guard let task = taskByID[row[1]] else { continue }
          var tally = TaskTally()
          tally.count(
            Assignment(task: row[1], unit: row[0], row: row, ackedColumn: 2, finishedColumn: 3),
            deadlines: task.deadlines)
          out[row[0], default: PlaceFigures()].add(tally, deadlines: task.deadlines, at: now)
        }
      }
    }
    return out
  }

  /// Help cases under `place` overdue for a visit at `now`. Counts at most half the (place, due_at)
  /// index range on one side of `now`; when that side is the larger, counts the other side instead:
  /// O(min(overdue, not overdue) + cases / 2) at worst, usually far less than O(cases).
  static func helpOverdue(_ db: Database, place: Int64, cases: Int, at now: Instant) throws -> Int {
    let half = cases / 2 + 1
    let overdue =
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM (SELECT 1 FROM help_due WHERE place_id = ? AND due_at < ? LIMIT ?)",
        arguments: [place, now.epochSeconds, half]) ?? 0
    guard overdue >= half else { return overdue }
    let onTime =
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM help_due WHERE place_id = ? AND due_at >= ?",
        arguments: [place, now.epochSeconds]) ?? 0
    return cases - onTime
  }
}
