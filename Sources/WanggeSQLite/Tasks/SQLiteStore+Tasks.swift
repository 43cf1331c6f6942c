import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore {
  public func tasks(in scope: Int64, at now: Instant, window: Span) throws -> [TaskSummary] {
    try read { db in
      // Cached statements: the overview asks this of every child when a deadline is near.
      let unitDepth = try Self.unitDepth(db)
      let depth =
        try Int.fetchOne(db.cachedStatement(sql: "SELECT depth FROM place WHERE id = ?"), arguments: [scope])
        ?? 0
      let source =
        depth >= unitDepth
        ? """
        SELECT task_id, 1, (acked_at IS NOT NULL OR finished_at IS NOT NULL), 0, (finished_at IS NOT NULL), 0,
               acked_at, finished_at FROM assignment WHERE unit_id = ?1
        """
        : """
        SELECT task_id, assigned, acked, acked_on_time, finished, finished_on_time, NULL, NULL
        FROM task_tally WHERE place_id = ?1
        """
      let rows = try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT t.id, t.type, t.title, t.details, t.scope_id, t.issued_at, t.ack_within, t.finish_within,
                   s.*, (SELECT count(*) FROM reminder r WHERE r.task_id = t.id)
            FROM (\(source)) s JOIN task t ON t.id = s.task_id
            WHERE t.issued_at > ?2 AND t.issued_at <= ?3 ORDER BY t.issued_at DESC, t.id DESC
            """), arguments: [scope, (now - window).epochSeconds, now.epochSeconds])
      return rows.map { row in
        let task = GridTask(
          id: row[0], type: TaskType(rawValue: row[1]) ?? .screening, title: row[2], scopeID: row[4],
          issuedAt: Instant(epochSeconds: row[5]), ackWithin: Span(seconds: row[6]),
          finishWithin: Span(seconds: row[7]))
        var tally = TaskTally(
          assigned: row[9], acknowledged: row[10], acknowledgedOnTime: row[11], finished: row[12],
          finishedOnTime: row[13])
        if depth >= unitDepth {  // one assignment: judge it exactly
          tally = TaskTally()
          tally.count(
            Assignment(task: task.id, unit: scope, row: row, ackedColumn: 14, finishedColumn: 15),
            deadlines: task.deadlines)
        }
        let policy = EscalationPolicy.standard(for: task.type)
        return TaskSummary(
          task: task, details: row[3], tally: tally,
          acknowledgementsOverdue: tally.acknowledgementsOverdue(at: now, deadlines: task.deadlines),
          finishesOverdue: tally.finishesOverdue(at: now, deadlines: task.deadlines),
          escalation: policy.level(of: tally, deadlines: task.deadlines, at: now), reminders: row[16])
      }
    }
  }

  /// A task's identity, deadlines and type.
  static func gridTask(_ db: Database, _ id: Int64) throws -> GridTask {
    guard
      let row = try Row.fetchOne(
        db, sql: "SELECT type, title, scope_id, issued_at, ack_within, finish_within FROM task WHERE id = ?",
        arguments: [id])
    else { throw TaskDeskError.unknownTask(id) }
    return GridTask(
      id: id, type: TaskType(rawValue: row[0]) ?? .screening, title: row[1], scopeID: row[2],
      issuedAt: Instant(epochSeconds: row[3]), ackWithin: Span(seconds: row[4]),
      finishWithin: Span(seconds: row[5]))
  }

  public func assignments(of task: Int64, under scope: Int64, at now: Instant, limit: Int) throws
    -> [AssignmentDetail]
  {
    try read { db in
      let t = try Self.gridTask(db, task)
      var out = try Self.details(db, tasks: [t], under: scope, at: now)
      out.sort { a, b in
        let ra = a.state.isOverdue ? 0 : 1
        let rb = b.state.isOverdue ? 0 : 1
        return ra != rb ? ra < rb : a.lateBy != b.lateBy ? a.lateBy > b.lateBy : a.unitID < b.unitID
      }
      return Array(out.prefix(limit))
    }
  }

  /// Assignments of `tasks` under `scope` with leader, department, squad and station.
  static func details(_ db: Database, tasks: [GridTask], under scope: Int64, at now: Instant) throws
    -> [AssignmentDetail]
  {
    let scopePath = try Self.path(db, of: scope).segments
    let units = try Self.unitsUnder(db, scope).map { UnitBelow(id: $0.id, path: scopePath + $0.path) }
    return try details(db, tasks: tasks, units: units, at: now)
  }

  /// Assignments of `tasks` at `units` (each with its full path below the root) with leader,
  /// department, squad and station.
  static func details(_ db: Database, tasks: [GridTask], units: [UnitBelow], at now: Instant) throws
    -> [AssignmentDetail]
  {
    let levels = try Self.levels(db)
    var out: [AssignmentDetail] = []
    for start in stride(from: 0, to: units.count, by: 900) {
      let chunk = units[start..<min(start + 900, units.count)]
      let byID = Dictionary(uniqueKeysWithValues: chunk.map { ($0.id, $0.path) })
      let list = IDList.json(chunk.map(\.id))
      var leaders: [Int64: (String, String, String?, String)] = [:]
      for row in try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT u.place_id, l.name, d.name, s.name, l.phone FROM unit u JOIN leader l ON l.id = u.leader_id
            JOIN department d ON d.id = l.department_id LEFT JOIN squad s ON s.id = l.squad_id
            WHERE u.place_id IN \(IDList.values)
            """), arguments: [list])
      {
        leaders[row[0]] = (row[1], row[2], row[3], row[4])
      }
      for task in tasks {
        var reminders: [Int64: Int] = [:]
        for row in try Row.fetchAll(
          db.cachedStatement(
            sql:
              "SELECT unit_id, count(*) FROM reminder WHERE task_id = ? AND unit_id IN \(IDList.values) GROUP BY unit_id"
          ), arguments: [task.id, list])
        {
          reminders[row[0]] = row[1]
        }
        for row in try Row.fetchAll(
          db.cachedStatement(
            sql:
              "SELECT unit_id, acked_at, finished_at FROM assignment WHERE task_id = ? AND unit_id IN \(IDList.values)"
          ), arguments: [task.id, list])
        {
          let unit: Int64 = row[0]
          let a = Assignment(task: task.id, unit: unit, row: row, ackedColumn: 1, finishedColumn: 2)
          let state = a.state(at: now, deadlines: task.deadlines)
          let full = byID[unit] ?? []
          let station =
            levels.stationDepth.flatMap { full.indices.contains($0 - 1) ? full[$0 - 1] : nil } ?? ""
          let leader = leaders[unit] ?? ("?", "?", nil, "")
          out.append(
            AssignmentDetail(
              unitID: unit, unitLabel: Array(full.suffix(3)), leaderName: leader.0, department: leader.1,
              squad: leader.2, station: station, state: state, lateBy: lateness(a, task.deadlines, now),
              reminders: reminders[unit] ?? 0,
              tally: {
                var one = TaskTally()
                one.count(a, deadlines: task.deadlines)
                return one
              }(), leaderPhone: leader.3))
        }
      }
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

  public func remind(task: Int64, under scope: Int64, operator name: String, at now: Instant) throws -> Int {
    try write { db in
      let t = try Self.gridTask(db, task)
      let overdue = try Self.details(db, tasks: [t], under: scope, at: now).filter { $0.state.isOverdue }
      let insert = try db.makeStatement(
        sql: "INSERT OR IGNORE INTO reminder(task_id, unit_id, at, operator) VALUES (?, ?, ?, ?)")
      for a in overdue { try insert.execute(arguments: [task, a.unitID, now.epochSeconds, name]) }
      try Self.audit(
        db, at: now, operator: name, action: "remind", task: task, scope: scope,
        detail: ["reminders": overdue.count])
      return overdue.count
    }
  }

  public func lastReminder(task: Int64, under scope: Int64) throws -> Instant? {
    try read { db in
      // Only tasks with reminders reach the subtree walk; most have none.
      guard
        try Int.fetchOne(db, sql: "SELECT count(*) FROM reminder WHERE task_id = ?", arguments: [task]) ?? 0
          > 0
      else { return nil }
      let units = try SubtreeUnits.load(db, scope: scope).units
      var last: Int64?
      for start in stride(from: 0, to: units.count, by: 900) {
        let list = units[start..<min(start + 900, units.count)].map(String.init).joined(separator: ",")
        if let at = try Int64.fetchOne(
          db, sql: "SELECT max(at) FROM reminder WHERE task_id = ? AND unit_id IN (\(list))",
          arguments: [task])
        {
          last = max(last ?? at, at)
        }
      }
      return last.map { Instant(epochSeconds: $0) }
    }
  }

  public func rankings(
    by dimension: RankingDimension, task: Int64?, under scope: Int64, at now: Instant, window: Span
  ) throws -> [RankingRow] {
    try read { db in
      let tasks =
        try task.map { [try Self.gridTask(db, $0)] }
        ?? Self.taskInfos(db, at: now, window: window).map { try Self.gridTask(db, $0.id) }
      var groups: [String: TaskTally] = [:]
      for d in try Self.details(db, tasks: tasks, under: scope, at: now) {
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
}

extension SQLiteStore {
  /// The newest task's id (for benchmarks and scripts).
  public func newestTaskID() throws -> Int64 {
    try read { db in
      guard let id = try Int64.fetchOne(db, sql: "SELECT max(id) FROM task") else {
        throw TaskDeskError.unknownTask(0)
      }
      return id
    }
  }

  /// Units whose assignment of `task` is not acknowledged yet, by unit id.
  public func pendingUnits(task: Int64, limit: Int) throws -> [Int64] {
    try read { db in
      try Int64.fetchAll(
        db,
        sql:
          "SELECT unit_id FROM assignment WHERE task_id = ? AND acked_at IS NULL AND finished_at IS NULL LIMIT ?",
        arguments: [task, limit])
    }
  }
}
