import WanggeCore
import WanggeStore

/// Keys already used in the step being planned, so one batch never sends two events for the same row.
struct PGPickedKeys {
  var acks: [Int64: Set<Int64>] = [:]
  var finishes: [Int64: Set<Int64>] = [:]
  var visited: Set<Int64> = []
  var reached: Set<Int64> = []
  var groups: Set<Int64> = []
  var overdue: [Int64]?
}

extension PGEventPlanner {
  static let ackProbe = PGRowProbe(
    sql: """
      SELECT unit_id FROM (
        SELECT unit_id, acked_at FROM assignment WHERE task_id = $4 AND unit_id >= $1 ORDER BY unit_id LIMIT $2
      ) w WHERE acked_at IS NULL LIMIT $3
      """)
  static let doneProbe = PGRowProbe(
    sql: """
      SELECT unit_id FROM (
        SELECT unit_id, acked_at, finished_at FROM assignment WHERE task_id = $4 AND unit_id >= $1
        ORDER BY unit_id LIMIT $2
      ) w WHERE acked_at IS NOT NULL AND finished_at IS NULL LIMIT $3
      """)
  static let reachProbe = PGRowProbe(
    sql: """
      SELECT id, unit_id FROM (SELECT id, unit_id, reach FROM household WHERE id >= $1 ORDER BY id LIMIT $2) w
      WHERE reach = 0 LIMIT $3
      """)
  static let groupProbe = PGRowProbe(
    sql: """
      SELECT place_id FROM (
        SELECT place_id, group_built FROM unit WHERE place_id >= $1 ORDER BY place_id LIMIT $2
      ) w WHERE group_built = 0 LIMIT $3
      """)
  static let visitProbe = PGRowProbe(
    sql: """
      SELECT household_id FROM (
        SELECT household_id, last_visit FROM help_case WHERE household_id >= $1 ORDER BY household_id LIMIT $2
      ) w WHERE coalesce(last_visit, -1) < $4 LIMIT $3
      """)

  /// Chooses up to `count` events, by weighted kind, each for a row that still needs it.
  func plan(_ db: PGConnection, count: Int, work: inout PGPendingWork, shape: PGGridShape, now: Instant)
    throws -> [(SimulatedKind, GridEvent.Kind)]
  {
    var picked = PGPickedKeys()
    var out: [(SimulatedKind, GridEvent.Kind)] = []
    out.reserveCapacity(count)
    while out.count < count, let kind = chooseKind(work) {
      let event: GridEvent.Kind?
      switch kind {
      case .ack:
        event = try pickAssignment(db, Self.ackProbe, &work.acks, &picked.acks).map {
          .acknowledged(task: $0.task, unit: .id($0.unit))
        }
      case .done: event = try pickFinish(db, &work, &picked)
      case .visit: event = try pickVisit(db, &picked, shape, now, batch: count)
      case .reach: event = try pickReach(db, &picked, shape.households)
      case .group: event = try pickGroup(db, &picked, shape.units)
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

  private func chooseKind(_ work: PGPendingWork) -> SimulatedKind? {
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
  private func pickFinish(_ db: PGConnection, _ work: inout PGPendingWork, _ picked: inout PGPickedKeys)
    throws -> GridEvent.Kind?
  {
    guard let (task, unit) = try pickAssignment(db, Self.doneProbe, &work.finishes, &picked.finishes) else {
      return nil
    }
    let checked: Int = try db.exec("SELECT count(*) FROM household WHERE unit_id = $1", [unit])[0].get(0)
    let fromRisk = rng.chance(0.05) ? 1 : 0
    return .finished(
      task: task, unit: .id(unit), result: "{\"checked\":\(checked),\"from_risk_areas\":\(fromRisk)}")
  }

  private func pickAssignment(
    _ db: PGConnection, _ probe: PGRowProbe, _ tasks: inout [(task: Int64, count: Int64)],
    _ picked: inout [Int64: Set<Int64>]
  ) throws -> (task: Int64, unit: Int64)? {
    while !tasks.isEmpty {
      let i = weightedTask(tasks)
      let task = tasks[i].task
      let keys = try unitRange(db, task: task)
      if let row = try probe.pick(db, keys: keys, excluded: picked[task] ?? [], extra: [task], rng: &rng) {
        let unit: Int64 = try row.get(0)
        picked[task, default: []].insert(unit)
        tasks[i].count -= 1
        if tasks[i].count == 0 { tasks.remove(at: i) }
        return (task, unit)
      }
      tasks.remove(at: i)
    }
    return nil
  }

  private func pickVisit(
    _ db: PGConnection, _ picked: inout PGPickedKeys, _ shape: PGGridShape, _ now: Instant, batch: Int
  ) throws -> GridEvent.Kind? {
    if picked.overdue == nil {
      picked.overdue = try db.exec(
        "SELECT household_id FROM help_due WHERE place_id = $1 AND due_at <= $2 ORDER BY due_at LIMIT $3",
        [shape.rootID, now.epochSeconds, batch * 4]
      ).map { try $0.get(0) }
    }
    if rng.chance(0.7) {
      while let left = picked.overdue?.count, left > 0 {
        let i = rng.below(min(4, left))
        guard let next = picked.overdue?.remove(at: i) else { break }
        if picked.visited.insert(next).inserted { return .visited(household: next) }
      }
    }
    guard let keys = shape.helpCases,
      let row = try Self.visitProbe.pick(
        db, keys: keys, excluded: picked.visited, extra: [now.epochSeconds], rng: &rng)
    else { return nil }
    let household: Int64 = try row.get(0)
    picked.visited.insert(household)
    return .visited(household: household)
  }

  private func pickReach(_ db: PGConnection, _ picked: inout PGPickedKeys, _ keys: ClosedRange<Int64>?)
    throws -> GridEvent.Kind?
  {
    guard let keys, let row = try Self.reachProbe.pick(db, keys: keys, excluded: picked.reached, rng: &rng)
    else { return nil }
    let household: Int64 = try row.get(0)
    let unit: Int64 = try row.get(1)
    picked.reached.insert(household)
    let built = try db.exec("SELECT group_built FROM unit WHERE place_id = $1", [unit]).first?.get(
      0, as: Int64.self)
    return .reached(household: household, via: built == 1 && rng.chance(0.85) ? .inGroup : .phoneOnly)
  }

  private func pickGroup(_ db: PGConnection, _ picked: inout PGPickedKeys, _ keys: ClosedRange<Int64>?)
    throws -> GridEvent.Kind?
  {
    guard let keys, let row = try Self.groupProbe.pick(db, keys: keys, excluded: picked.groups, rng: &rng)
    else { return nil }
    let unit: Int64 = try row.get(0)
    picked.groups.insert(unit)
    return .groupBuilt(unit: .id(unit))
  }

  /// The task's smallest and largest unit id (two primary-key look-ups, cached).
  private func unitRange(_ db: PGConnection, task: Int64) throws -> ClosedRange<Int64> {
    if let known = unitRanges[task] { return known }
    let sql = "SELECT unit_id FROM assignment WHERE task_id = $1 ORDER BY unit_id"
    let lo: Int64 = try db.exec(sql + " LIMIT 1", [task]).first?.get(0) ?? 0
    let hi: Int64 = try db.exec(sql + " DESC LIMIT 1", [task]).first?.get(0) ?? lo
    unitRanges[task] = lo...hi
    return lo...hi
  }
}
