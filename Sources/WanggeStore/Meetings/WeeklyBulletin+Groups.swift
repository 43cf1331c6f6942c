import WanggeCore

/// The rows each bulletin table ranks over one week: places from the task rollups (`figures(for:)`),
/// departments and squads from the week's assignments (one grouped query per task of the week).
extension WeeklyBulletin {
  /// The candidates of `level` over `week`, judged at its end (or `now` within it).
  static func candidates(
    _ level: Level, store: any GridStore, scope: Place, week: IsoWeek, at now: Instant
  ) throws -> [Candidate] {
    let at = min(now, week.end - Span(seconds: 1))
    let window = Span(seconds: at.epochSeconds - week.start.epochSeconds + 1)
    switch level {
    case .children, .stations:
      let places =
        level == .children
        ? try store.children(of: scope.id).map { (place: $0, label: $0.name) }
        : try stations(store, under: scope)
      let f = try store.figures(for: places.map(\.place.id), at: at, window: window)
      return places.map {
        Candidate(
          key: "\($0.place.id)", name: $0.label, place: $0.place, figures: f[$0.place.id] ?? PlaceFigures())
      }
    case .departments, .squads:
      return try groups(store: store, scope: scope, week: week, at: now)[level] ?? []
    }
  }

  /// The departments' and squads' candidates over `week` from one read of each task's assignments
  /// (both tables come from the same pass).
  static func groups(store: any GridStore, scope: Place, week: IsoWeek, at now: Instant) throws
    -> [Level: [Candidate]]
  {
    let at = min(now, week.end - Span(seconds: 1))
    guard at >= week.start else { return [:] }
    let window = Span(seconds: at.epochSeconds - week.start.epochSeconds + 1)
    var departments: [String: PlaceFigures] = [:]
    var squads: [String: PlaceFigures] = [:]
    for t in try store.tasks(in: scope.id, at: at, window: window) {
      var byDepartment: [String: TaskTally] = [:]
      var bySquad: [String: TaskTally] = [:]
      for g in try groupTallies(store, task: t.task.id, scope: scope, at: at) {
        if !g.department.isEmpty { byDepartment[g.department, default: TaskTally()].add(g.tally) }
        if let s = g.squad, !s.isEmpty { bySquad[g.department + "·" + s, default: TaskTally()].add(g.tally) }
      }
      for (k, v) in byDepartment {
        departments[k, default: PlaceFigures()].add(v, deadlines: t.task.deadlines, at: at)
      }
      for (k, v) in bySquad { squads[k, default: PlaceFigures()].add(v, deadlines: t.task.deadlines, at: at) }
    }
    return [
      .departments: departments.map { Candidate(key: $0.key, name: $0.key, figures: $0.value) },
      .squads: squads.map { Candidate(key: $0.key, name: $0.key, figures: $0.value) },
    ]
  }

  /// The command stations in scope with the name each is shown by: the scope itself when it runs
  /// one, else every station below it down to the station level (`parent/name` when two share a name).
  static func stations(_ store: any GridStore, under scope: Place) throws -> [(place: Place, label: String)] {
    guard let depth = try store.levels().stationDepth else { return [] }
    var out: [(place: Place, parent: String)] = []
    var stack = [(scope, "")]
    while let (p, parent) = stack.popLast() {
      if p.hasStation {
        out.append((p, parent))
      } else if p.depth < depth {
        stack += try store.children(of: p.id).reversed().map { ($0, p.name) }
      }
    }
    var count: [String: Int] = [:]
    for s in out { count[s.place.name, default: 0] += 1 }
    return out.map { s in
      (
        s.place,
        (count[s.place.name] ?? 0) > 1 && !s.parent.isEmpty ? s.parent + "/" + s.place.name : s.place.name
      )
    }
  }
}
