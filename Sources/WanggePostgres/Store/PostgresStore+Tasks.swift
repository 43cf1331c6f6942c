import WanggeCore
import WanggeStore

/// The task desk's reads (fan-out preview, task list, assignments, rankings) on PostgreSQL.
extension PostgresStore {
  /// What a dispatch to `scope` would reach (from the rollups, O(1)).
  public func fanOut(of scope: Int64) throws -> FanOut {
    try read { db in
      let row = try db.exec(
        "SELECT units, leaders, households, reached_group + reached_phone FROM place_stats WHERE place_id = $1",
        [scope]
      ).first
      return FanOut(
        units: try row?.get(0) ?? 0, unitLeaders: try row?.get(1) ?? 0, households: try row?.get(2) ?? 0,
        householdsReached: try row?.get(3) ?? 0)
    }
  }

  /// Tasks issued within `window` before `now` that reach `scope`, newest first.
  public func tasks(in scope: Int64, at now: Instant, window: Span) throws -> [TaskSummary] {
    try read { db in
      let unitDepth = try Self.unitDepth(db)
      let depth =
        try db.exec("SELECT depth FROM place WHERE id = $1", [scope]).first?.get(0, as: Int.self) ?? 0
      let isUnit = depth >= unitDepth
      let source =
        isUnit
        ? """
        SELECT task_id, 1 AS assigned, (acked_at IS NOT NULL OR finished_at IS NOT NULL)::int AS acked,
               0 AS acked_on_time, (finished_at IS NOT NULL)::int AS finished, 0 AS finished_on_time,
               acked_at, finished_at FROM assignment WHERE unit_id = $1
        """
        : """
        SELECT task_id, assigned, acked, acked_on_time, finished, finished_on_time,
               NULL::bigint AS acked_at, NULL::bigint AS finished_at
        FROM task_tally WHERE place_id = $1
        """
      let rows = try db.exec(
        """
        SELECT t.id, t.type, t.title, t.details, t.scope_id, t.issued_at, t.ack_within, t.finish_within,
               s.task_id, s.assigned, s.acked, s.acked_on_time, s.finished, s.finished_on_time,
               s.acked_at, s.finished_at, (SELECT count(*) FROM reminder r WHERE r.task_id = t.id)
        FROM (\(source)) s JOIN task t ON t.id = s.task_id
        WHERE t.issued_at > $2 AND t.issued_at <= $3 ORDER BY t.issued_at DESC, t.id DESC
        """, [scope, (now - window).epochSeconds, now.epochSeconds])
      return try rows.map { row in
        let task = try Self.gridTask(row, id: try row.get(0), from: 1, scopeAt: 4)
        var tally = TaskTally(
          assigned: try row.get(9), acknowledged: try row.get(10), acknowledgedOnTime: try row.get(11),
          finished: try row.get(12), finishedOnTime: try row.get(13))
        if isUnit {  // one assignment: judge it exactly
          tally = TaskTally()
          tally.count(
            try Self.assignment(task: task.id, unit: scope, row, acked: 14), deadlines: task.deadlines)
        }
        let policy = EscalationPolicy.standard(for: task.type)
        return TaskSummary(
          task: task, details: try row.get(3), tally: tally,
          acknowledgementsOverdue: tally.acknowledgementsOverdue(at: now, deadlines: task.deadlines),
          finishesOverdue: tally.finishesOverdue(at: now, deadlines: task.deadlines),
          escalation: policy.level(of: tally, deadlines: task.deadlines, at: now), reminders: try row.get(16))
      }
    }
  }

  /// A task from columns type, title at `i`, `i + 1`, scope at `scopeAt`, then issued_at, ack_within,
  /// finish_within.
  static func gridTask(_ row: PGRow, id: Int64, from i: Int, scopeAt s: Int) throws -> GridTask {
    GridTask(
      id: id, type: TaskType(rawValue: try row.get(i)) ?? .screening, title: try row.get(i + 1),
      scopeID: try row.get(s), issuedAt: Instant(epochSeconds: try row.get(s + 1)),
      ackWithin: Span(seconds: try row.get(s + 2)), finishWithin: Span(seconds: try row.get(s + 3)))
  }

  /// The tasks `ids` (all of them, or ``TaskDeskError/unknownTask``), in the order of `ids`.
  static func gridTasks(_ db: PGConnection, _ ids: [Int64]) throws -> [GridTask] {
    var byID: [Int64: GridTask] = [:]
    for row in try db.exec(
      """
      SELECT id, type, title, scope_id, issued_at, ack_within, finish_within FROM task
      WHERE id = ANY($1::bigint[])
      """, [Self.array(ids)])
    {
      let id: Int64 = try row.get(0)
      byID[id] = try Self.gridTask(row, id: id, from: 1, scopeAt: 3)
    }
    return try ids.map { id in
      guard let t = byID[id] else { throw TaskDeskError.unknownTask(id) }
      return t
    }
  }

  /// The task's assignments under `scope`, at most `limit`, overdue first.
  public func assignments(of task: Int64, under scope: Int64, at now: Instant, limit: Int) throws
    -> [AssignmentDetail]
  {
    try read { db in
      var out = try Self.details(db, tasks: try Self.gridTasks(db, [task]), under: scope, at: now)
      out.sort { a, b in
        let ra = a.state.isOverdue ? 0 : 1
        let rb = b.state.isOverdue ? 0 : 1
        return ra != rb ? ra < rb : a.lateBy != b.lateBy ? a.lateBy > b.lateBy : a.unitID < b.unitID
      }
      return Array(out.prefix(limit))
    }
  }

  /// When the last reminder of `task` went to a unit under `scope` (nil: none yet).
  public func lastReminder(task: Int64, under scope: Int64) throws -> Instant? {
    try read { db in
      // Only tasks with reminders reach the subtree walk; most have none.
      guard
        try db.exec("SELECT count(*) FROM reminder WHERE task_id = $1", [task])[0].get(0, as: Int.self) > 0
      else { return nil }
      let units = try Self.unitsUnder(db, scope).map(\.id)
      guard !units.isEmpty else { return nil }
      return try db.exec(
        "SELECT max(at) FROM reminder WHERE task_id = $1 AND unit_id = ANY($2::bigint[])",
        [task, Self.array(units)]
      )[0].optional(0, as: Int64.self).map(Instant.init(epochSeconds:))
    }
  }

  /// Stations, departments or squads under `scope` ranked by on-time acknowledgement (then on-time
  /// finish), for one task or every task of the window.
  public func rankings(
    by dimension: RankingDimension, task: Int64?, under scope: Int64, at now: Instant, window: Span
  ) throws -> [RankingRow] {
    try read { db in
      let ids = try task.map { [$0] } ?? Self.taskInfos(db, at: now, window: window).map(\.id)
      var groups: [String: TaskTally] = [:]
      for d in try Self.details(db, tasks: try Self.gridTasks(db, ids), under: scope, at: now) {
        let key =
          switch dimension {
          case .station: d.station
          case .department: d.department
          case .squad: d.squad.map { d.department + $0 } ?? ""
          }
        guard !key.isEmpty else { continue }
        groups[key, default: TaskTally()].add(d.tally)
      }
      return groups.map { RankingRow(name: $0.key, tally: $0.value) }.sorted {
        ($0.ackRate ?? -1, $0.finishRate ?? -1, $1.name) > ($1.ackRate ?? -1, $1.finishRate ?? -1, $0.name)
      }
    }
  }

  /// Assignments of `tasks` under `scope` with leader, department, squad and station: three queries
  /// over arrays of ids (leaders, reminders, assignments), whatever the number of units and tasks.
  static func details(_ db: PGConnection, tasks: [GridTask], under scope: Int64, at now: Instant) throws
    -> [AssignmentDetail]
  {
    guard !tasks.isEmpty else { return [] }
    let scopePath = try Self.path(db, of: scope).segments
    let units = try Self.unitsUnder(db, scope).map { UnitBelow(id: $0.id, path: scopePath + $0.path) }
    return try details(db, tasks: tasks, units: units, at: now)
  }

  /// Assignments of `tasks` at `units` (each with its full path below the root) with leader,
  /// department, squad and station: three queries over arrays of ids.
  static func details(_ db: PGConnection, tasks: [GridTask], units: [UnitBelow], at now: Instant) throws
    -> [AssignmentDetail]
  {
    guard !tasks.isEmpty, !units.isEmpty else { return [] }
    let levels = try Self.levels(db)
    let pathOf = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.path) })
    let unitIDs = Self.array(units.map(\.id))
    let taskIDs = Self.array(tasks.map(\.id))
    let byTask = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
    var leaders: [Int64: (String, String, String?, String)] = [:]
    for row in try db.exec(
      """
      SELECT u.place_id, l.name, d.name, s.name, l.phone FROM unit u JOIN leader l ON l.id = u.leader_id
      JOIN department d ON d.id = l.department_id LEFT JOIN squad s ON s.id = l.squad_id
      WHERE u.place_id = ANY($1::bigint[])
      """, [unitIDs])
    {
      leaders[try row.get(0)] = (try row.get(1), try row.get(2), try row.optional(3), try row.get(4))
    }
    struct Key: Hashable {
      var task: Int64
      var unit: Int64
    }
    var reminders: [Key: Int] = [:]
    for row in try db.exec(
      """
      SELECT task_id, unit_id, count(*) FROM reminder
      WHERE task_id = ANY($1::bigint[]) AND unit_id = ANY($2::bigint[]) GROUP BY task_id, unit_id
      """, [taskIDs, unitIDs])
    {
      reminders[Key(task: try row.get(0), unit: try row.get(1))] = try row.get(2)
    }
    var out: [AssignmentDetail] = []
    for row in try db.exec(
      """
      SELECT task_id, unit_id, acked_at, finished_at FROM assignment
      WHERE task_id = ANY($1::bigint[]) AND unit_id = ANY($2::bigint[]) ORDER BY task_id, unit_id
      """, [taskIDs, unitIDs])
    {
      guard let task = byTask[try row.get(0)] else { continue }
      let unit: Int64 = try row.get(1)
      let a = try Self.assignment(task: task.id, unit: unit, row, acked: 2)
      let full = pathOf[unit] ?? []
      let station = levels.stationDepth.flatMap { full.indices.contains($0 - 1) ? full[$0 - 1] : nil } ?? ""
      let leader = leaders[unit] ?? ("?", "?", nil, "")
      var one = TaskTally()
      one.count(a, deadlines: task.deadlines)
      out.append(
        AssignmentDetail(
          unitID: unit, unitLabel: Array(full.suffix(3)), leaderName: leader.0, department: leader.1,
          squad: leader.2, station: station, state: a.state(at: now, deadlines: task.deadlines),
          lateBy: lateness(a, task.deadlines, now), reminders: reminders[Key(task: task.id, unit: unit)] ?? 0,
          tally: one, leaderPhone: leader.3))
    }
    return out
  }

  /// Seconds past the deadline that is being (or was) missed.
  static func lateness(_ a: Assignment, _ d: Deadlines, _ now: Instant) -> Int64 {
    let ack = a.ackedAt ?? a.finishedAt
    // Saturating: a stored time or window may be absurd (see `wangge verify`).
    if ack == nil { return max(0, now.since(d.ack).seconds) }
    if let done = a.finishedAt { return max(0, done.since(d.finish).seconds) }
    return max(0, now.since(d.finish).seconds)
  }
}
