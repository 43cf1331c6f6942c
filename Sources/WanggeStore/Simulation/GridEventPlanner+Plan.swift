import WanggeCore

/// Keys already used in the step being planned, so one batch never sends two events for the same row.
struct PickedKeys {
  var acks: [Int64: Set<Int64>] = [:]
  var finishes: [Int64: Set<Int64>] = [:]
  var visited: Set<Int64> = []
  var reached: Set<Int64> = []
  var groups: Set<Int64> = []
  /// Help households due for a visit, most overdue first (read once per step).
  var overdue: [Int64]?
  /// Isolation cases due soonest and people expected today (read once per step), cases checked.
  var dueCases: [Int64]?
  var arrivals: [(household: Int64, name: String)]?
  var checked: Set<Int64> = []
}

extension GridEventPlanner {
  /// Short windows a probe looks at from a random key, and how many before an unbounded scan.
  static let probeWindow = 256
  static let randomTries = 4

  /// Chooses up to `count` events, by weighted kind, each for a row that still needs it.
  func plan(
    _ reads: any PlannerReads, count: Int, work: inout PlannerWork, shape: PlannerGridShape, now: Instant
  ) throws -> [(SimulatedKind, GridEvent.Kind)] {
    var picked = PickedKeys()
    var out: [(SimulatedKind, GridEvent.Kind)] = []
    out.reserveCapacity(count)
    while out.count < count, let kind = chooseKind(work) {
      let event: GridEvent.Kind?
      switch kind {
      case .ack:
        event = try pickAssignment(reads, .unacknowledged, &work.acks, &picked.acks).map {
          .acknowledged(task: $0.task, unit: .id($0.unit))
        }
      case .done: event = try pickFinish(reads, &work, &picked)
      case .visit: event = try pickVisit(reads, &picked, shape, now, batch: count)
      case .reach: event = try pickReach(reads, &picked, shape.households)
      case .group: event = try pickGroup(reads, &picked, shape.units)
      case .check: event = try pickCheck(reads, &picked, shape, batch: count)
      case .arrive: event = try pickArrival(reads, &picked, now: now, batch: count)
      }
      guard let event else {
        work.exhausted.insert(kind)
        continue
      }
      out.append((kind, event))
      if kind == .reach { work.unreached -= 1 }
      if kind == .group { work.groupsMissing -= 1 }
    }
    return out
  }

  private func chooseKind(_ work: PlannerWork) -> SimulatedKind? {
    let available = SimulatedKind.allCases.filter(work.isAvailable)
    let total = available.reduce(0) { $0 + $1.weight }
    guard total > 0 else { return nil }
    var r = rng.below(total)
    for kind in available {
      if r < kind.weight { return kind }
      r -= kind.weight
    }
    return available.last
  }

  /// A task chosen with probability proportional to its count.
  private func weightedTask(_ tasks: [(task: Int64, count: Int64)]) -> Int {
    let total = tasks.reduce(0) { $0 + $1.count }
    var r = Int64(rng.next() % UInt64(total))
    for (i, t) in tasks.enumerated() {
      if r < t.count { return i }
      r -= t.count
    }
    return tasks.count - 1
  }

  /// Finishes carry a result: the unit's households checked, rarely someone back from a risk area.
  private func pickFinish(_ reads: any PlannerReads, _ work: inout PlannerWork, _ picked: inout PickedKeys)
    throws -> GridEvent.Kind?
  {
    guard let (task, unit) = try pickAssignment(reads, .unfinished, &work.finishes, &picked.finishes) else {
      return nil
    }
    let checked = try reads.householdCount(unit: unit)
    let fromRisk = rng.chance(0.05) ? 1 : 0
    return .finished(
      task: task, unit: .id(unit), result: "{\"checked\":\(checked),\"from_risk_areas\":\(fromRisk)}")
  }

  /// An assignment `probe` accepts, of a task chosen by its count in `tasks`; a task found to have none
  /// left is dropped from `tasks`.
  private func pickAssignment(
    _ reads: any PlannerReads, _ probe: PlannerProbe, _ tasks: inout [(task: Int64, count: Int64)],
    _ picked: inout [Int64: Set<Int64>]
  ) throws -> (task: Int64, unit: Int64)? {
    while !tasks.isEmpty {
      let i = weightedTask(tasks)
      let task = tasks[i].task
      let keys = try unitRange(reads, task: task)
      if let row = try pick(reads, probe, keys: keys, excluded: picked[task] ?? [], extra: task) {
        let unit = row[0]
        picked[task, default: []].insert(unit)
        tasks[i].count -= 1
        if tasks[i].count == 0 { tasks.remove(at: i) }
        return (task, unit)
      }
      tasks.remove(at: i)
    }
    return nil
  }

  /// Mostly one of the most overdue help households (one of the first few, so that simulators sharing a
  /// store seldom visit the same one); otherwise any help household not yet visited this second.
  private func pickVisit(
    _ reads: any PlannerReads, _ picked: inout PickedKeys, _ shape: PlannerGridShape, _ now: Instant,
    batch: Int
  ) throws -> GridEvent.Kind? {
    if picked.overdue == nil {
      picked.overdue = try reads.overdueVisits(root: shape.rootID, dueBy: now.epochSeconds, limit: batch * 4)
    }
    if rng.chance(0.7) {
      while let left = picked.overdue?.count, left > 0 {
        let i = rng.below(min(4, left))
        guard let next = picked.overdue?.remove(at: i) else { break }
        if picked.visited.insert(next).inserted { return .visited(household: next) }
      }
    }
    guard let keys = shape.helpCases,
      let row = try pick(reads, .notVisited, keys: keys, excluded: picked.visited, extra: now.epochSeconds)
    else { return nil }
    picked.visited.insert(row[0])
    return .visited(household: row[0])
  }

  /// A household not reached yet joins the unit group when the group exists, else is reached by phone.
  private func pickReach(_ reads: any PlannerReads, _ picked: inout PickedKeys, _ keys: ClosedRange<Int64>?)
    throws -> GridEvent.Kind?
  {
    guard let keys, let row = try pick(reads, .unreached, keys: keys, excluded: picked.reached) else {
      return nil
    }
    let (household, unit) = (row[0], row[1])
    picked.reached.insert(household)
    let built = try reads.groupBuilt(unit: unit)
    return .reached(household: household, via: built && rng.chance(0.85) ? .inGroup : .phoneOnly)
  }

  private func pickGroup(_ reads: any PlannerReads, _ picked: inout PickedKeys, _ keys: ClosedRange<Int64>?)
    throws -> GridEvent.Kind?
  {
    guard let keys, let row = try pick(reads, .groupMissing, keys: keys, excluded: picked.groups) else {
      return nil
    }
    picked.groups.insert(row[0])
    return .groupBuilt(unit: .id(row[0]))
  }

  /// The task's smallest and largest unit id (cached).
  private func unitRange(_ reads: any PlannerReads, task: Int64) throws -> ClosedRange<Int64> {
    if let known = unitRanges[task] { return known }
    let range = try reads.unitRange(task: task) ?? 0...0
    unitRanges[task] = range
    return range
  }

  /// A qualifying row of `probe` whose key is not in `excluded`, or nil when there is none; never
  /// with OFFSET or ORDER BY random(). A few short windows at random keys usually find a row; when
  /// they do not, one unbounded scan from a random key, then from the start, settles it, so a row is
  /// found whenever one exists.
  private func pick(
    _ reads: any PlannerReads, _ probe: PlannerProbe, keys: ClosedRange<Int64>, excluded: Set<Int64>,
    extra: Int64? = nil
  ) throws -> [Int64]? {
    let want = excluded.count + 1
    func first(from start: Int64, window: Int?) throws -> [Int64]? {
      try reads.probe(probe, from: start, window: window, want: want, extra: extra).first {
        !excluded.contains($0[0])
      }
    }
    for _ in 0..<Self.randomTries {
      if let row = try first(from: randomKey(keys), window: Self.probeWindow) { return row }
    }
    if let row = try first(from: randomKey(keys), window: nil) { return row }
    return try first(from: keys.lowerBound, window: nil)
  }

  private func randomKey(_ keys: ClosedRange<Int64>) -> Int64 {
    keys.lowerBound + Int64(rng.next() % UInt64(keys.upperBound - keys.lowerBound + 1))
  }
}
