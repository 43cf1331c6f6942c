import Foundation
import WanggeCore
import WanggeStore

extension PostgresStore {
  /// Writes the task, one assignment per unit under the scope (one INSERT … SELECT from the place
  /// table), the task's tallies level by level (one INSERT … SELECT … GROUP BY per level) and an audit
  /// record, in one transaction: the same rows as the SQLite engine's dispatch.
  public func dispatch(_ request: DispatchRequest) throws -> DispatchReceipt {
    try write { db in try Self.dispatch(db, request) }
  }

  /// The dispatch in the caller's transaction (`dispatch`, and a meeting decision that becomes a task).
  static func dispatch(_ db: PGConnection, _ request: DispatchRequest) throws -> DispatchReceipt {
    if let problem = request.boundProblem { throw TaskDeskError.outOfBounds(problem) }
    let scope = request.scopeID
    let unitDepth = try Self.unitDepth(db)
    guard let place = try db.exec("SELECT depth, parent_id FROM place WHERE id = $1", [scope]).first
    else { throw TaskDeskError.emptyScope(try Self.path(db, of: scope).description) }
    let depth: Int = try place.get(0)
    let isRoot = try place.optional(1, as: Int64.self) == nil
    let taskID = try Self.nextTaskID(db)
    try db.exec(
      """
      INSERT INTO task(id, type, title, details, scope_id, issued_at, ack_within, finish_within)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      """,
      [
        taskID, request.type.rawValue, request.title, request.details, scope, request.issuedAt.epochSeconds,
        request.ackWithin.seconds, request.finishWithin.seconds,
      ])
    let assigned: Int
    if depth >= unitDepth {
      assigned = try db.exec(
        "INSERT INTO assignment(task_id, unit_id) VALUES ($1, $2)", [taskID, scope]
      ).affectedRows
    } else {
      let source: String
      if isRoot {
        source = "place"
      } else {
        source = "wangge_subtree"
        try db.exec(
          """
          CREATE TEMP TABLE wangge_subtree ON COMMIT DROP AS
          WITH RECURSIVE t(id, parent_id, depth) AS (
            SELECT id, parent_id, depth FROM place WHERE id = $1
            UNION ALL
            SELECT p.id, p.parent_id, p.depth FROM t JOIN place p ON p.parent_id = t.id WHERE t.depth < $2)
          SELECT id, parent_id, depth FROM t
          """, [scope, unitDepth])
      }
      assigned = try db.exec(
        """
        INSERT INTO assignment(task_id, unit_id)
        SELECT $1::bigint, id FROM \(source) WHERE depth = $2 ORDER BY id
        """, [taskID, unitDepth]
      ).affectedRows
      guard assigned > 0 else { throw TaskDeskError.emptyScope(try Self.path(db, of: scope).description) }
      try db.exec(
        Self.tallySQL(source: source, unitDepth: unitDepth, scopeDepth: depth), [taskID, unitDepth])
    }
    guard assigned > 0 else { throw TaskDeskError.emptyScope(try Self.path(db, of: scope).description) }
    try db.exec(
      """
      INSERT INTO task_tally(place_id, task_id, assigned, acked, acked_on_time, finished, finished_on_time)
      WITH RECURSIVE up(id) AS (
        SELECT parent_id FROM place WHERE id = $1 AND parent_id IS NOT NULL
        UNION ALL SELECT p.parent_id FROM up JOIN place p ON p.id = up.id WHERE p.parent_id IS NOT NULL)
      SELECT id, $2::bigint, $3::bigint, 0, 0, 0, 0 FROM up ORDER BY id
      """, [scope, taskID, assigned])
    let fan = try Self.fanOut(db, scope)
    try Self.audit(
      db, at: request.issuedAt, operator: request.operatorName, action: "dispatch", task: taskID,
      scope: scope,
      detail: [
        "type": request.type.rawValue, "title": request.title, "assignments": assigned,
        "unit_leaders": fan.unitLeaders, "households": fan.households,
        "ack_within_s": request.ackWithin.seconds, "finish_within_s": request.finishWithin.seconds,
      ])
    return DispatchReceipt(taskID: taskID, assignments: assigned, fanOut: fan)
  }

  /// The task's tallies of every place from the scope down to the units' parents in one statement:
  /// the units counted per parent (one pass over `source`), then each level's sums carried to the
  /// parents by primary-key probes of `place` (a few rows per level), instead of a scan of `source`
  /// per level. Parameters: $1 the task, $2 the units' depth.
  static func tallySQL(source: String, unitDepth: Int, scopeDepth: Int) -> String {
    var levels = [
      "l\(unitDepth - 1) AS (SELECT parent_id AS id, count(*) AS n FROM \(source) WHERE depth = $2 GROUP BY parent_id)"
    ]
    for level in stride(from: unitDepth - 2, through: scopeDepth, by: -1) {
      levels.append(
        "l\(level) AS (SELECT p.parent_id AS id, sum(l.n) AS n FROM l\(level + 1) l JOIN place p ON p.id = l.id GROUP BY p.parent_id)"
      )
    }
    let all = stride(from: unitDepth - 1, through: scopeDepth, by: -1).map { "SELECT id, n FROM l\($0)" }
    return """
      INSERT INTO task_tally(place_id, task_id, assigned, acked, acked_on_time, finished, finished_on_time)
      WITH \(levels.joined(separator: ",\n")) 
      SELECT id, $1::bigint, n, 0, 0, 0, 0 FROM (\(all.joined(separator: " UNION ALL "))) t ORDER BY id
      """
  }

  /// Withdraws a task nobody has acknowledged yet, like the SQLite engine: its assignments (locked
  /// first, so an acknowledgement committing meanwhile is counted) and tallies go, reminders stay.
  public func withdraw(task: Int64, operator name: String, at now: Instant) throws {
    try write { db in
      if try db.exec("SELECT wangge_operator_role(session_user)")[0].optional(0, as: String.self) == "station"
      {
        return try Self.undoOwnDispatch(db, task: task, operator: name, at: now)
      }
      guard
        let scope = try db.exec("SELECT scope_id FROM task WHERE id = $1 FOR UPDATE", [task]).first?.get(
          0, as: Int64.self)
      else { throw TaskDeskError.unknownTask(task) }
      let counts = try db.exec(
        """
        SELECT count(*), count(*) FILTER (WHERE acked_at IS NOT NULL OR finished_at IS NOT NULL)
        FROM (SELECT acked_at, finished_at FROM assignment WHERE task_id = $1 ORDER BY unit_id FOR UPDATE) a
        """, [task])[0]
      let removed: Int = try counts.get(0)
      let acked: Int = try counts.get(1)
      guard acked == 0 else { throw TaskDeskError.alreadyAcknowledged(task: task, count: acked) }
      try db.exec("DELETE FROM assignment WHERE task_id = $1", [task])
      try db.exec("DELETE FROM task_tally WHERE task_id = $1", [task])
      let reminders: Int = try db.exec("SELECT count(*) FROM reminder WHERE task_id = $1", [task])[0].get(0)
      try db.exec("DELETE FROM task WHERE id = $1", [task])
      try Self.audit(
        db, at: now, operator: name, action: "withdraw", task: task, scope: scope,
        detail: ["assignments": removed, "reminders_kept": reminders])
    }
  }

  /// A station's withdrawal: only its own dispatch, right after sending it, through
  /// `wangge_undo_dispatch` (migration v7), which holds the DELETE a station lacks.
  static func undoOwnDispatch(_ db: PGConnection, task: Int64, operator name: String, at now: Instant) throws
  {
    let acked: Int = try db.exec(
      "SELECT count(*) FROM assignment WHERE task_id = $1 AND (acked_at IS NOT NULL OR finished_at IS NOT NULL)",
      [task])[0].get(0)
    do {
      try db.exec("SELECT wangge_undo_dispatch($1, $2)", [task, now.epochSeconds])
    } catch let e as PGError where e.sqlState == "P0002" {
      throw TaskDeskError.unknownTask(task)
    } catch let e as PGError where e.sqlState == "55000" {
      throw TaskDeskError.alreadyAcknowledged(task: task, count: max(acked, 1))
    } catch let e as PGError where e.sqlState == "42501" {
      throw OperatorError.notAllowed(operator: name, role: .station, action: .withdraw)
    }
  }

  /// Records a reminder to every leader overdue now under `scope`; returns how many.
  public func remind(task: Int64, under scope: Int64, operator name: String, at now: Instant) throws -> Int {
    try write { db in
      let tasks = try Self.gridTasks(db, [task])
      let overdue = try Self.details(db, tasks: tasks, under: scope, at: now).filter { $0.state.isOverdue }
      if !overdue.isEmpty {
        try db.exec(
          """
          INSERT INTO reminder(task_id, unit_id, at, operator)
          SELECT $1::bigint, u, $3::bigint, $4::text FROM unnest($2::bigint[]) AS u ORDER BY u
          ON CONFLICT DO NOTHING
          """, [task, PGArray.ints(overdue.map(\.unitID)), now.epochSeconds, name])
      }
      try Self.audit(
        db, at: now, operator: name, action: "remind", task: task, scope: scope,
        detail: ["reminders": overdue.count])
      return overdue.count
    }
  }

  /// The next task id from `task_sequence`: one more than any id ever handed out, withdrawn ones too.
  static func nextTaskID(_ db: PGConnection) throws -> Int64 {
    try db.exec(
      """
      UPDATE task_sequence SET last = greatest(last, coalesce((SELECT max(id) FROM task), 0)) + 1
      RETURNING last
      """)[0].get(0)
  }

  /// Appends an audit record (operator, time, action, task, scope, counts as JSON with sorted keys).
  static func audit(
    _ db: PGConnection, at: Instant, operator name: String, action: String, task: Int64?, scope: Int64?,
    detail: [String: any Sendable]
  ) throws {
    let json = try JSONSerialization.data(withJSONObject: detail, options: [.sortedKeys])
    try db.exec(
      "INSERT INTO audit(at, operator, action, task_id, scope_id, detail) VALUES ($1, $2, $3, $4, $5, $6)",
      [at.epochSeconds, name, action, task, scope, String(decoding: json, as: UTF8.self)])
  }

  /// The fan-out of `scope` from its rollup row.
  static func fanOut(_ db: PGConnection, _ scope: Int64) throws -> FanOut {
    let row = try db.exec(
      "SELECT units, leaders, households, reached_group + reached_phone FROM place_stats WHERE place_id = $1",
      [scope]
    ).first
    return FanOut(
      units: try row?.get(0) ?? 0, unitLeaders: try row?.get(1) ?? 0, households: try row?.get(2) ?? 0,
      householdsReached: try row?.get(3) ?? 0)
  }
}
