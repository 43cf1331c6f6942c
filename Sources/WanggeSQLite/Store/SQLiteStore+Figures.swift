import GRDB
import WanggeCore
import WanggeStore

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
    try read { db in try Self.figures(db, for: ids, at: now, window: window, skippingHelpOverdue: skip) }
  }

  public func taskCount(issuedIn window: Span, before now: Instant) throws -> Int {
    try read { db in try Self.tasks(db, at: now, window: window).count }
  }

  public func scopeFigures(_ scope: Place, at now: Instant, window: Span) throws -> ScopeFigures {
    try read { db in
      try Self.scopeFigures(
        db, scope, unitDepth: Self.unitDepth(db), tasks: Self.tasks(db, at: now, window: window), at: now)
    }
  }

  /// The whole report in one read: one snapshot, statements from the connection's cache.
  public func placeReport(_ scope: Place, at now: Instant, window: Span) throws -> PlaceReport {
    try read { db in
      let levels = try Self.levels(db)
      let tasks = try Self.tasks(db, at: now, window: window)
      let figures = try Self.scopeFigures(db, scope, unitDepth: levels.names.count - 1, tasks: tasks, at: now)
      return PlaceReport.assemble(
        levels: levels, scope: scope, path: try Self.path(db, of: scope.id), figures: figures,
        levelCounts: try Self.levelCounts(db, under: scope.id), at: now, window: window,
        tasksInWindow: tasks.count)
    }
  }

  static func scopeFigures(
    _ db: Database, _ scope: Place, unitDepth: Int, tasks: [TaskClock], at now: Instant
  )
    throws -> ScopeFigures
  {
    let children = try Self.children(db, of: scope.id)
    let places = [(scope.id, scope.depth)] + children.map { ($0.id, $0.depth) }
    let figures = try Self.figures(
      db, of: places, unitDepth: unitDepth, tasks: tasks, at: now,
      skippingHelpOverdue: children.isEmpty ? [] : [scope.id])
    return PlaceReport.combine(scope: scope, children: children, figures: figures)
  }

  static func unitDepth(_ db: Database) throws -> Int {
    try Int.fetchOne(db.cachedStatement(sql: "SELECT max(depth) FROM level")) ?? 0
  }

  static func tasks(_ db: Database, at now: Instant, window: Span) throws -> [TaskClock] {
    let rows = try RawStatement(
      cached: db,
      """
      SELECT id, issued_at, ack_within, finish_within FROM task
      WHERE issued_at > ? AND issued_at <= ? ORDER BY id
      """)
    rows.bind([(now - window).epochSeconds, now.epochSeconds])
    defer { rows.reset() }
    var out: [TaskClock] = []
    while try rows.step() {
      let issued = Instant(epochSeconds: rows.int(1) ?? 0)
      out.append(
        TaskClock(
          id: rows.int(0) ?? 0,
          deadlines: Deadlines(
            ack: issued + Span(seconds: rows.int(2) ?? 0), finish: issued + Span(seconds: rows.int(3) ?? 0))))
    }
    return out
  }

  static func figures(
    _ db: Database, for ids: [Int64], at now: Instant, window: Span, skippingHelpOverdue skip: Set<Int64> = []
  ) throws -> [Int64: PlaceFigures] {
    guard !ids.isEmpty else { return [:] }
    let depth = try RawStatement(cached: db, "SELECT depth FROM place WHERE id = ?")
    var places: [(id: Int64, depth: Int)] = []
    places.reserveCapacity(ids.count)
    for id in ids {
      depth.bind([id])
      places.append((id, try depth.step() ? Int(depth.int(0) ?? -1) : -1))
      depth.reset()
    }
    return try figures(
      db, of: places, unitDepth: unitDepth(db), tasks: tasks(db, at: now, window: window), at: now,
      skippingHelpOverdue: skip)
  }

  /// Figures per place by key lookups on cached statements: the place's rollup row, its tallies of
  /// the tasks in window (a unit's from its assignments), and overdue visits unless skipped.
  static func figures(
    _ db: Database, of places: [(id: Int64, depth: Int)], unitDepth: Int, tasks: [TaskClock], at now: Instant,
    skippingHelpOverdue skip: Set<Int64>
  ) throws -> [Int64: PlaceFigures] {
    let stats = try RawStatement(
      cached: db, "SELECT \(PlaceStats.columns.joined(separator: ", ")) FROM place_stats WHERE place_id = ?")
    let tallies = try RawStatement(
      cached: db,
      """
      SELECT task_id, assigned, acked, acked_on_time, finished, finished_on_time
      FROM task_tally WHERE place_id = ? AND task_id >= ?
      """)
    let assignment = try RawStatement(
      cached: db, "SELECT acked_at, finished_at FROM assignment WHERE task_id = ? AND unit_id = ?")
    let taskByID = Dictionary(uniqueKeysWithValues: tasks.lazy.map { ($0.id, $0) })
    let firstTask = tasks.first?.id  // ordered by id
    var out: [Int64: PlaceFigures] = [:]
    out.reserveCapacity(places.count)
    for place in places {
      var f = PlaceFigures()
      stats.bind([place.id])
      if try stats.step() {
        let s = PlaceStats(values: (0..<Int32(PlaceStats.columns.count)).map { stats.int($0) ?? 0 })
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
      }
      stats.reset()
      if f.helpCases > 0 && !skip.contains(place.id) {
        f.helpOverdue = try helpOverdue(db, place: place.id, at: now)
      }
      if !tasks.isEmpty && place.depth == unitDepth {
        for task in tasks {
          assignment.bind([task.id, place.id])
          if try assignment.step() {
            var tally = TaskTally()
            tally.count(
              Assignment(
                taskID: task.id, unitID: place.id,
                ackedAt: assignment.int(0).map(Instant.init(epochSeconds:)),
                finishedAt: assignment.int(1).map(Instant.init(epochSeconds:))),
              deadlines: task.deadlines)
            f.add(tally, deadlines: task.deadlines, at: now)
          }
          assignment.reset()
        }
      } else if let firstTask {
        tallies.bind([place.id, firstTask])
        while try tallies.step() {
          guard let id = tallies.int(0), let task = taskByID[id] else { continue }
          let tally = TaskTally(
            assigned: Int(tallies.int(1) ?? 0), acknowledged: Int(tallies.int(2) ?? 0),
            acknowledgedOnTime: Int(tallies.int(3) ?? 0), finished: Int(tallies.int(4) ?? 0),
            finishedOnTime: Int(tallies.int(5) ?? 0))
          f.add(tally, deadlines: task.deadlines, at: now)
        }
        tallies.reset()
      }
      out[place.id] = f
    }
    return out
  }

  /// Help cases under `place` overdue for a visit at `now` (due before `now`): the per-hour counts of
  /// the hours before this one, plus this hour's cases due before `now` from the (place, due_at)
  /// index. O(hours with cases due + cases due this hour), never O(cases).
  static func helpOverdue(_ db: Database, place: Int64, at now: Instant) throws -> Int {
    let hour = now.epochSeconds / 3600
    let hours = try RawStatement(
      cached: db, "SELECT coalesce(sum(count), 0) FROM help_due_hour WHERE place_id = ? AND hour < ?")
    hours.bind([place, hour])
    let before = try hours.step() ? Int(hours.int(0) ?? 0) : 0
    hours.reset()
    let thisHour = try RawStatement(
      cached: db, "SELECT count(*) FROM help_due WHERE place_id = ? AND due_at >= ? AND due_at < ?")
    thisHour.bind([place, hour * 3600, now.epochSeconds])
    let recent = try thisHour.step() ? Int(thisHour.int(0) ?? 0) : 0
    thisHour.reset()
    return before + recent
  }
}
