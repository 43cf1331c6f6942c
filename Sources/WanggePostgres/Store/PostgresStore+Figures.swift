import WanggeCore
import WanggeStore

extension PostgresStore {
  /// A task's id and deadlines, the part of a task the figures need.
  struct TaskClock {
    var id: Int64
    var deadlines: Deadlines
  }

  /// The figures of `ids` (see ``figures(for:at:window:skippingHelpOverdue:)``).
  public func figures(for ids: [Int64], at now: Instant, window: Span) throws -> [Int64: PlaceFigures] {
    try figures(for: ids, at: now, window: window, skippingHelpOverdue: [])
  }

  /// Figures for each place in `ids`, counting tasks issued in `window` before `now`, judged at `now`,
  /// from the rollups only, in a fixed number of round trips whatever the number of places (one query
  /// each for depths, rollup rows, tallies, a unit's assignments and overdue visits, over arrays of ids).
  public func figures(
    for ids: [Int64], at now: Instant, window: Span, skippingHelpOverdue skip: Set<Int64>
  ) throws -> [Int64: PlaceFigures] {
    try read { db in
      guard !ids.isEmpty else { return [:] }
      var depth: [Int64: Int] = [:]
      for row in try db.exec("SELECT id, depth FROM place WHERE id = ANY($1::bigint[])", [Self.array(ids)]) {
        depth[try row.get(0)] = try row.get(1)
      }
      let places = ids.map { (id: $0, depth: depth[$0] ?? -1) }
      return try Self.figures(
        db, of: places, unitDepth: Self.unitDepth(db), tasks: Self.tasks(db, at: now, window: window),
        at: now,
        skippingHelpOverdue: skip)
    }
  }

  /// How many tasks were issued within `window` before `now`.
  public func taskCount(issuedIn window: Span, before now: Instant) throws -> Int {
    try read { db in
      try db.exec(
        "SELECT count(*) FROM task WHERE issued_at > $1 AND issued_at <= $2",
        [(now - window).epochSeconds, now.epochSeconds]
      )[0].get(0)
    }
  }

  /// A PostgreSQL array literal of ids (`{1,2,3}`), for `= ANY($1::bigint[])`.
  static func array(_ ids: some Sequence<Int64>) -> String {
    "{" + ids.map(String.init).joined(separator: ",") + "}"
  }

  static func unitDepth(_ db: PGConnection) throws -> Int {
    try db.exec("SELECT max(depth) FROM level")[0].optional(0, as: Int.self) ?? 0
  }

  static func tasks(_ db: PGConnection, at now: Instant, window: Span) throws -> [TaskClock] {
    try db.exec(
      """
      SELECT id, issued_at, ack_within, finish_within FROM task
      WHERE issued_at > $1 AND issued_at <= $2 ORDER BY id
      """, [(now - window).epochSeconds, now.epochSeconds]
    ).map { row in
      let issued = Instant(epochSeconds: try row.get(1))
      return TaskClock(
        id: try row.get(0),
        deadlines: Deadlines(
          ack: issued + Span(seconds: try row.get(2)), finish: issued + Span(seconds: try row.get(3))))
    }
  }

  /// Figures per place, as the SQLite engine computes them: the place's `place_stats` row, its
  /// `task_tally` rows of the tasks in window (a unit's from its assignments), and overdue visits
  /// (from `help_due_hour` and this hour's `help_due`) unless skipped.
  static func figures(
    _ db: PGConnection, of places: [(id: Int64, depth: Int)], unitDepth: Int, tasks: [TaskClock],
    at now: Instant,
    skippingHelpOverdue skip: Set<Int64>
  ) throws -> [Int64: PlaceFigures] {
    var out: [Int64: PlaceFigures] = [:]
    for p in places { out[p.id] = PlaceFigures() }
    let ids = Self.array(places.map(\.id))
    for row in try db.exec(
      """
      SELECT place_id, households, people, units, leaders, stations, groups_built, reached_group,
        reached_phone, help_cases, green_open
      FROM place_stats WHERE place_id = ANY($1::bigint[])
      """, [ids])
    {
      let id: Int64 = try row.get(0)
      var f = PlaceFigures()
      f.households = try row.get(1)
      f.people = try row.get(2)
      f.units = try row.get(3)
      f.unitLeaders = try row.get(4)
      f.stations = try row.get(5)
      f.groupsBuilt = try row.get(6)
      f.reachedInGroup = try row.get(7)
      f.reachedByPhone = try row.get(8)
      f.helpCases = try row.get(9)
      f.greenChannelOpen = try row.get(10)
      out[id] = f
    }
    let overdueIDs = places.filter { (out[$0.id]?.helpCases ?? 0) > 0 && !skip.contains($0.id) }.map(\.id)
    if !overdueIDs.isEmpty {
      let hour = now.epochSeconds / 3600
      for row in try db.exec(
        """
        SELECT p.id,
          coalesce((SELECT sum(count) FROM help_due_hour h WHERE h.place_id = p.id AND h.hour < $2), 0)
          + (SELECT count(*) FROM help_due d WHERE d.place_id = p.id AND d.due_at >= $3 AND d.due_at < $4)
        FROM unnest($1::bigint[]) AS p(id)
        """, [Self.array(overdueIDs), hour, hour * 3600, now.epochSeconds])
      {
        out[try row.get(0), default: PlaceFigures()].helpOverdue = try row.get(1)
      }
    }
    guard let firstTask = tasks.first?.id else { return out }
    let taskByID = Dictionary(uniqueKeysWithValues: tasks.lazy.map { ($0.id, $0) })
    let units = places.filter { $0.depth == unitDepth }.map(\.id)
    let others = places.filter { $0.depth != unitDepth }.map(\.id)
    if !units.isEmpty {
      for row in try db.exec(
        """
        SELECT unit_id, task_id, acked_at, finished_at FROM assignment
        WHERE unit_id = ANY($1::bigint[]) AND task_id = ANY($2::bigint[])
        ORDER BY unit_id, task_id
        """, [Self.array(units), Self.array(tasks.map(\.id))])
      {
        let unit: Int64 = try row.get(0)
        guard let task = taskByID[try row.get(1)] else { continue }
        var tally = TaskTally()
        tally.count(
          Assignment(
            taskID: task.id, unitID: unit,
            ackedAt: try row.optional(2, as: Int64.self).map(Instant.init(epochSeconds:)),
            finishedAt: try row.optional(3, as: Int64.self).map(Instant.init(epochSeconds:))),
          deadlines: task.deadlines)
        out[unit, default: PlaceFigures()].add(tally, deadlines: task.deadlines, at: now)
      }
    }
    if !others.isEmpty {
      for row in try db.exec(
        """
        SELECT place_id, task_id, assigned, acked, acked_on_time, finished, finished_on_time
        FROM task_tally WHERE place_id = ANY($1::bigint[]) AND task_id >= $2
        ORDER BY place_id, task_id
        """, [Self.array(others), firstTask])
      {
        guard let task = taskByID[try row.get(1)] else { continue }
        let tally = TaskTally(
          assigned: try row.get(2), acknowledged: try row.get(3), acknowledgedOnTime: try row.get(4),
          finished: try row.get(5), finishedOnTime: try row.get(6))
        out[try row.get(0), default: PlaceFigures()].add(tally, deadlines: task.deadlines, at: now)
      }
    }
    return out
  }
}
