import Foundation
import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore: TaskDesk {
  public func fanOut(of scope: Int64) throws -> FanOut {
    try read { db in try Self.fanOut(db, scope) }
  }

  static func fanOut(_ db: Database, _ scope: Int64) throws -> FanOut {
    let row = try Row.fetchOne(
      db,
      sql:
        "SELECT units, leaders, households, reached_group + reached_phone FROM place_stats WHERE place_id = ?",
      arguments: [scope])
    return FanOut(
      units: row?[0] ?? 0, unitLeaders: row?[1] ?? 0, households: row?[2] ?? 0,
      householdsReached: row?[3] ?? 0)
  }

  public func dispatch(_ request: DispatchRequest) throws -> DispatchReceipt {
    try write { db in try Self.dispatch(db, request) }
  }

  /// The dispatch in the caller's transaction (`dispatch`, and a meeting decision that becomes a task).
  static func dispatch(_ db: Database, _ request: DispatchRequest) throws -> DispatchReceipt {
    if let problem = request.boundProblem { throw TaskDeskError.outOfBounds(problem) }
    let tree = try SubtreeUnits.load(db, scope: request.scopeID)
    guard !tree.units.isEmpty else {
      throw TaskDeskError.emptyScope(try Self.path(db, of: request.scopeID).description)
    }
    let taskID = try Self.nextTaskID(db)
    try db.execute(
      sql: """
        INSERT INTO task(id, type, title, details, scope_id, issued_at, ack_within, finish_within)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        taskID, request.type.rawValue, request.title, request.details, request.scopeID,
        request.issuedAt.epochSeconds,
        request.ackWithin.seconds, request.finishWithin.seconds,
      ])
    let assignment = try BulkInsert(db, "INSERT INTO assignment(task_id, unit_id) VALUES (?, ?)")
    for unit in tree.units.sorted() { try assignment.int(taskID).int(unit).run() }
    let tally = try BulkInsert(
      db,
      """
      INSERT INTO task_tally(place_id, task_id, assigned, acked, acked_on_time, finished, finished_on_time)
      VALUES (?, ?, ?, 0, 0, 0, 0)
      """)
    for (place, units) in tree.unitCounts.sorted(by: { $0.key < $1.key }) where units > 0 {
      try tally.int(place).int(taskID).int(units).run()
    }
    var ancestor = try Int64.fetchOne(
      db, sql: "SELECT parent_id FROM place WHERE id = ?", arguments: [request.scopeID])
    while let id = ancestor {
      try tally.int(id).int(taskID).int(tree.units.count).run()
      ancestor = try Int64.fetchOne(db, sql: "SELECT parent_id FROM place WHERE id = ?", arguments: [id])
    }
    let fan = try Self.fanOut(db, request.scopeID)
    try Self.audit(
      db, at: request.issuedAt, operator: request.operatorName, action: "dispatch", task: taskID,
      scope: request.scopeID,
      detail: [
        "type": request.type.rawValue, "title": request.title, "assignments": tree.units.count,
        "unit_leaders": fan.unitLeaders, "households": fan.households,
        "ack_within_s": request.ackWithin.seconds, "finish_within_s": request.finishWithin.seconds,
      ])
    return DispatchReceipt(taskID: taskID, assignments: tree.units.count, fanOut: fan)
  }

  /// Withdraws a task nobody has acknowledged yet: its assignments and tallies go, its reminder rows
  /// stay (counted in the audit record; the task's id is never handed out again, so they cannot be
  /// mistaken for another task's).
  public func withdraw(task: Int64, operator name: String, at now: Instant) throws {
    try write { db in
      guard
        let scope = try Int64.fetchOne(db, sql: "SELECT scope_id FROM task WHERE id = ?", arguments: [task])
      else { throw TaskDeskError.unknownTask(task) }
      let acked =
        try Int.fetchOne(
          db,
          sql:
            "SELECT count(*) FROM assignment WHERE task_id = ? AND (acked_at IS NOT NULL OR finished_at IS NOT NULL)",
          arguments: [task]) ?? 0
      guard acked == 0 else { throw TaskDeskError.alreadyAcknowledged(task: task, count: acked) }
      let removed =
        try Int.fetchOne(db, sql: "SELECT count(*) FROM assignment WHERE task_id = ?", arguments: [task]) ?? 0
      try db.execute(sql: "DELETE FROM assignment WHERE task_id = ?", arguments: [task])
      try db.execute(sql: "DELETE FROM task_tally WHERE task_id = ?", arguments: [task])
      let reminders =
        try Int.fetchOne(db, sql: "SELECT count(*) FROM reminder WHERE task_id = ?", arguments: [task]) ?? 0
      try db.execute(sql: "DELETE FROM task WHERE id = ?", arguments: [task])
      try Self.audit(
        db, at: now, operator: name, action: "withdraw", task: task, scope: scope,
        detail: ["assignments": removed, "reminders_kept": reminders])
    }
  }

  /// The next task id from `task_sequence`: one more than any id ever handed out, withdrawn ones too.
  static func nextTaskID(_ db: Database) throws -> Int64 {
    try db.execute(
      sql: "UPDATE task_sequence SET last = max(last, coalesce((SELECT max(id) FROM task), 0)) + 1")
    return try Int64.fetchOne(db, sql: "SELECT last FROM task_sequence")!
  }

  /// Appends an audit record (operator, time, action, task, scope, counts as JSON).
  static func audit(
    _ db: Database, at: Instant, operator name: String, action: String, task: Int64?, scope: Int64?,
    detail: [String: any Sendable]
  ) throws {
    let json = try JSONSerialization.data(withJSONObject: detail, options: [.sortedKeys])
    try db.execute(
      sql: "INSERT INTO audit(at, operator, action, task_id, scope_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
      arguments: [at.epochSeconds, name, action, task, scope, String(decoding: json, as: UTF8.self)])
  }
}

/// The units under a place and how many units lie under each non-unit place of the subtree,
/// read level by level with `parent_id IN (…)` batches (O(places in the subtree) rows, few queries).
struct SubtreeUnits {
  var units: [Int64] = []
  var unitCounts: [Int64: Int] = [:]

  static func load(_ db: Database, scope: Int64) throws -> SubtreeUnits {
    let unitDepth = try Int.fetchOne(db, sql: "SELECT max(depth) FROM level") ?? 0
    guard let depth = try Int.fetchOne(db, sql: "SELECT depth FROM place WHERE id = ?", arguments: [scope])
    else {
      return SubtreeUnits()
    }
    var out = SubtreeUnits()
    if depth >= unitDepth {
      out.units = [scope]
      return out
    }
    var levels: [[(id: Int64, parent: Int64)]] = []
    var frontier: [Int64] = [scope]
    for _ in depth..<unitDepth {
      var next: [(id: Int64, parent: Int64)] = []
      for start in stride(from: 0, to: frontier.count, by: 500) {
        let chunk = frontier[start..<min(start + 500, frontier.count)].map(String.init).joined(separator: ",")
        let rows = try Row.fetchCursor(
          db, sql: "SELECT id, parent_id FROM place WHERE parent_id IN (\(chunk))")
        while let row = try rows.next() { next.append((row[0], row[1])) }
      }
      levels.append(next)
      frontier = next.map(\.id)
    }
    out.units = frontier
    var counts: [Int64: Int] = [:]
    counts.reserveCapacity(levels.dropLast().reduce(1) { $0 + $1.count })
    for unit in levels.last ?? [] { counts[unit.parent, default: 0] += 1 }
    for level in levels.dropLast().reversed() {
      for place in level { counts[place.parent, default: 0] += counts[place.id] ?? 0 }
    }
    out.unitCounts = counts
    return out
  }
}
