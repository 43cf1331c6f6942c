import WanggeCore

/// The simulator's ``EventPlanner`` for every engine: short probes at random keys through the
/// engine's ``PlannerReads``, the grid's shape read once, each task's unit range cached. The same
/// seed on the same rows gives the same events on any engine.
public final class GridEventPlanner: EventPlanner {
  let source: any PlannerSource
  var rng: SeededRandom
  /// Read on the first use: the grid does not change shape while simulating.
  var shape: PlannerGridShape?
  var unitRanges: [Int64: ClosedRange<Int64>] = [:]

  public init(source: any PlannerSource, seed: UInt64) {
    self.source = source
    rng = SeededRandom(seed: seed)
  }

  func loadShape() throws -> PlannerGridShape {
    if let shape { return shape }
    let loaded = try source.withPlannerReads { try $0.gridShape() }
    shape = loaded
    return loaded
  }

  public func plan(count: Int, at now: Instant) throws -> [(SimulatedKind, GridEvent.Kind)] {
    let shape = try loadShape()
    return try source.withPlannerReads { reads in
      var work = try PlannerWork(reads, shape: shape, now: now)
      return try plan(reads, count: count, work: &work, shape: shape, now: now)
    }
  }

  public func pendingAcknowledgements(at now: Instant) throws -> Int64 {
    let shape = try loadShape()
    return try source.withPlannerReads { try PlannerWork($0, shape: shape, now: now).pendingAcks }
  }

  public func newestTaskIssue() throws -> Instant? {
    try source.withPlannerReads { try $0.newestTaskIssue() }.map(Instant.init(epochSeconds:))
  }

  /// Walks random children from the root down to the community level; nil if no community has units.
  public func noticeScope() throws -> Int64? {
    let shape = try loadShape()
    return try source.withPlannerReads { reads in
      for _ in 0..<8 {
        var current = shape.rootID
        for _ in 0..<shape.communityDepth {
          let children = try reads.children(of: current)
          guard !children.isEmpty else { break }
          current = children[rng.below(children.count)]
        }
        guard try reads.depth(of: current) == shape.communityDepth else { continue }
        if try reads.hasUnits(under: current) { return current }
      }
      return nil
    }
  }
}

/// What is left to do at the start of a step, from the root's rollups (a handful of primary-key reads).
struct PlannerWork {
  /// Open tasks (before their finish deadline) with assignments not yet acknowledged, and how many.
  var acks: [(task: Int64, count: Int64)] = []
  /// Tasks of the last 7 days with acknowledged but unfinished assignments, and how many.
  var finishes: [(task: Int64, count: Int64)] = []
  var unreached: Int64 = 0
  var groupsMissing: Int64 = 0
  var helpCases: Int64 = 0
  /// The root's active isolation cases and people expected.
  var isolation: (active: Int64, expected: Int64) = (0, 0)
  /// Kinds found to have nothing left during this step.
  var exhausted: Set<SimulatedKind> = []

  var pendingAcks: Int64 { acks.reduce(0) { $0 + $1.count } }

  init(_ reads: any PlannerReads, shape: PlannerGridShape, now: Instant) throws {
    let rows = try reads.tasks(
      root: shape.rootID, issuedAfter: (now - .days(7)).epochSeconds, until: now.epochSeconds)
    for task in rows {
      let finishBy = Saturating.add(task.issuedAt, task.finishWithin)  // a stored window may be absurd
      if task.unacknowledged > 0, now.epochSeconds <= finishBy { acks.append((task.id, task.unacknowledged)) }
      if task.unfinished > 0 { finishes.append((task.id, task.unfinished)) }
    }
    if let backlog = try reads.backlog(root: shape.rootID) {
      (unreached, groupsMissing, helpCases) = (backlog.unreached, backlog.groupsMissing, backlog.helpCases)
    }
    isolation = PlannerIsolation(sql: reads.screeningSQL).backlog(root: shape.rootID)
  }

  func isAvailable(_ kind: SimulatedKind) -> Bool {
    guard !exhausted.contains(kind) else { return false }
    switch kind {
    case .ack: return !acks.isEmpty
    case .done: return !finishes.isEmpty
    case .visit: return helpCases > 0
    case .reach: return unreached > 0
    case .group: return groupsMissing > 0
    case .check: return isolation.active > 0
    case .arrive: return isolation.expected > 0
    }
  }
}
