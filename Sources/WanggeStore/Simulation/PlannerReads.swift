import WanggeCore

/// A row probe of the simulator's planner: which rows it walks and which of them qualify.
public enum PlannerProbe: Sendable, Hashable {
  /// Assignments of one task (the probe's `extra`: the task id) not acknowledged yet; key: unit id.
  case unacknowledged
  /// Assignments of one task acknowledged but not finished; key: unit id.
  case unfinished
  /// Households not reached yet; key: household id, then its unit id.
  case unreached
  /// Units whose unit group is not built; key: unit id.
  case groupMissing
  /// Help households not visited since `extra` (epoch seconds); key: household id.
  case notVisited
}

/// The grid as the planner sees it, read once: the root, the depths and the key ranges.
public struct PlannerGridShape: Sendable, Hashable {
  public var rootID: Int64
  public var unitDepth: Int
  /// Where a simulated notice is issued: the 社区 level, else three levels above the unit.
  public var communityDepth: Int
  public var units: ClosedRange<Int64>?
  public var households: ClosedRange<Int64>?
  public var helpCases: ClosedRange<Int64>?
  public init(
    rootID: Int64, unitDepth: Int, communityDepth: Int?, units: ClosedRange<Int64>?,
    households: ClosedRange<Int64>?, helpCases: ClosedRange<Int64>?
  ) {
    self.rootID = rootID
    self.unitDepth = unitDepth
    self.communityDepth = communityDepth ?? max(1, unitDepth - 3)
    self.units = units
    self.households = households
    self.helpCases = helpCases
  }
}

/// A task of the planner's window with its tally at the root.
public struct PlannerTaskRow: Sendable, Hashable {
  public var id: Int64
  public var issuedAt: Int64
  public var finishWithin: Int64
  public var unacknowledged: Int64
  public var unfinished: Int64
  public init(id: Int64, issuedAt: Int64, finishWithin: Int64, unacknowledged: Int64, unfinished: Int64) {
    self.id = id
    self.issuedAt = issuedAt
    self.finishWithin = finishWithin
    self.unacknowledged = unacknowledged
    self.unfinished = unfinished
  }
}

/// What the root's rollups say is left: households not reached, units without a group, help cases.
public struct PlannerBacklog: Sendable, Hashable {
  public var unreached: Int64
  public var groupsMissing: Int64
  public var helpCases: Int64
  public init(unreached: Int64, groupsMissing: Int64, helpCases: Int64) {
    self.unreached = unreached
    self.groupsMissing = groupsMissing
    self.helpCases = helpCases
  }
}

/// What the simulator's planner reads of a store inside one snapshot, each a short indexed look-up.
/// An engine answers with its own SQL; the planning itself is ``GridEventPlanner``, shared.
public protocol PlannerReads {
  /// The grid's shape (a handful of index look-ups).
  func gridShape() throws -> PlannerGridShape
  /// Up to `want` rows of `probe`, walking its key up from `start` and looking at no more than
  /// `window` rows (nil: no bound); each row its key first (``PlannerProbe`` says what follows).
  func probe(_ probe: PlannerProbe, from start: Int64, window: Int?, want: Int, extra: Int64?) throws
    -> [[Int64]]
  /// Tasks issued after `after` and at or before `until`, by id, that have a tally at `root`.
  func tasks(root: Int64, issuedAfter after: Int64, until: Int64) throws -> [PlannerTaskRow]
  /// The root's backlog (nil: no rollup row).
  func backlog(root: Int64) throws -> PlannerBacklog?
  /// The smallest and largest unit id assigned by `task` (nil: none).
  func unitRange(task: Int64) throws -> ClosedRange<Int64>?
  /// How many households the unit has.
  func householdCount(unit: Int64) throws -> Int
  /// Help households due for a visit at or before `dueBy` under `root`, most overdue first.
  func overdueVisits(root: Int64, dueBy: Int64, limit: Int) throws -> [Int64]
  /// Whether the unit's group is built.
  func groupBuilt(unit: Int64) throws -> Bool
  /// When the newest task was issued (epoch seconds; nil: no task).
  func newestTaskIssue() throws -> Int64?
  /// The children of `place`, by id.
  func children(of place: Int64) throws -> [Int64]
  /// The depth of `place` (nil: no such place).
  func depth(of place: Int64) throws -> Int?
  /// Whether any unit lies under `place`.
  func hasUnits(under place: Int64) throws -> Bool
  /// The screening tables of the same snapshot, for reading (``PlannerIsolation``).
  var screeningSQL: any ScreeningSQL { get }
}

/// A store the shared planner can read: runs `body` with the reads of one snapshot.
public protocol PlannerSource {
  func withPlannerReads<T>(_ body: (any PlannerReads) throws -> T) throws -> T
}
