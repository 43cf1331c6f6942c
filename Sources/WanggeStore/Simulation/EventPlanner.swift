import WanggeCore

/// What the simulator asks of an engine: events the store still needs, each for a row that needs it,
/// chosen with short indexed probes so a step stays cheap on a city store. The engine keeps whatever it
/// learns about the grid between steps; the simulator paces, names, counts and applies the events.
public protocol EventPlanner: AnyObject {
  /// Up to `count` events at `now`, by weighted kind (``SimulatedKind/weight``), never two for one row;
  /// fewer only when nothing of any kind is left to do.
  func plan(count: Int, at now: Instant) throws -> [(SimulatedKind, GridEvent.Kind)]
  /// Assignments of open tasks (issued in the last 7 days, before their finish deadline) not yet
  /// acknowledged, over the whole grid.
  func pendingAcknowledgements(at now: Instant) throws -> Int64
  /// When the newest task of the store was issued (nil: none yet).
  func newestTaskIssue() throws -> Instant?
  /// A random community (the 社区 level, else three levels above the unit) that has units, for a notice.
  func noticeScope() throws -> Int64?
}

/// A store the simulator can plan events for.
public protocol SimulationSource {
  /// A planner for this store, its random choices seeded with `seed`.
  func eventPlanner(seed: UInt64) throws -> any EventPlanner
}
