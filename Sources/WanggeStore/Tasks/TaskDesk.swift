import WanggeCore

/// Dispatching tasks down the grid and following them up: fan-out preview, dispatch and withdraw,
/// the task list with escalation, assignments, reminders and rankings.
public protocol TaskDesk: Store {
  /// What a dispatch to `scope` would reach (from the rollups, O(1)).
  func fanOut(of scope: Int64) throws -> FanOut
  /// Writes the task, one assignment per unit under the scope, the rollups and an audit record in
  /// one transaction.
  func dispatch(_ request: DispatchRequest) throws -> DispatchReceipt
  /// Removes a task with its assignments and rollups; only the audit records remain (the dispatch
  /// and this withdrawal). Refused once any assignment was acknowledged.
  func withdraw(task: Int64, operator: String, at now: Instant) throws
  /// Tasks issued within `window` before `now` that reach `scope`, newest first.
  func tasks(in scope: Int64, at now: Instant, window: Span) throws -> [TaskSummary]
  /// The task's assignments under `scope`, at most `limit`, overdue first.
  func assignments(of task: Int64, under scope: Int64, at now: Instant, limit: Int) throws
    -> [AssignmentDetail]
  /// The task's assignments overdue at `now` over its whole scope: the first `limit` by unit id, most
  /// late first. Read along the index of unfinished assignments, O(limit + acknowledged ones skipped),
  /// never O(assignments).
  func overdueAssignments(of task: Int64, at now: Instant, limit: Int) throws -> [AssignmentDetail]
  /// Records a reminder to every leader overdue now under `scope`; returns how many.
  func remind(task: Int64, under scope: Int64, operator: String, at now: Instant) throws -> Int
  /// When a reminder of `task` last went to a leader of a unit under `scope` (nil: never), so that a
  /// second reminder can say when the last one went.
  func lastReminder(task: Int64, under scope: Int64) throws -> Instant?
  /// Stations, departments or squads under `scope` ranked by on-time acknowledgement (then on-time
  /// finish), for one task or every task of the window.
  func rankings(
    by dimension: RankingDimension, task: Int64?, under scope: Int64, at now: Instant, window: Span
  )
    throws -> [RankingRow]
}

/// A dispatch as the operator fills it in.
public struct DispatchRequest: Sendable, Hashable {
  public var scopeID: Int64
  public var type: TaskType
  public var title: String
  public var details: String
  public var ackWithin: Span
  public var finishWithin: Span
  public var operatorName: String
  public var issuedAt: Instant
  public init(
    scopeID: Int64, type: TaskType, title: String, details: String = "", ackWithin: Span? = nil,
    finishWithin: Span? = nil, operatorName: String, issuedAt: Instant
  ) {
    self.scopeID = scopeID
    self.type = type
    self.title = title
    self.details = details
    self.ackWithin = ackWithin ?? type.defaultAckWindow
    self.finishWithin = finishWithin ?? type.defaultFinishWindow
    self.operatorName = operatorName
    self.issuedAt = issuedAt
  }

  /// The first value out of bounds, as `field: problem` (nil when every value is within bounds).
  public var boundProblem: String? {
    if let p = InputBounds.windowProblem(ackWithin) { return "ack window: \(p)" }
    if let p = InputBounds.windowProblem(finishWithin) { return "finish window: \(p)" }
    if finishWithin < ackWithin {
      return "finish window (\(finishWithin)) must not be shorter than the ack window (\(ackWithin))"
    }
    if let p = InputBounds.instantProblem(issuedAt) { return "issue time: \(p)" }
    return nil
  }
}

/// Who a dispatch reaches.
public struct FanOut: Sendable, Hashable, Codable {
  public var units: Int
  public var unitLeaders: Int
  public var households: Int
  public var householdsReached: Int
  public init(units: Int, unitLeaders: Int, households: Int, householdsReached: Int) {
    self.units = units
    self.unitLeaders = unitLeaders
    self.households = households
    self.householdsReached = householdsReached
  }
}

/// What a dispatch wrote.
public struct DispatchReceipt: Sendable, Hashable {
  public var taskID: Int64
  public var assignments: Int
  public var fanOut: FanOut
  public init(taskID: Int64, assignments: Int, fanOut: FanOut) {
    self.taskID = taskID
    self.assignments = assignments
    self.fanOut = fanOut
  }
}

/// One task as a place sees it: progress, deadlines, overdue counts, escalation and reminders.
public struct TaskSummary: Sendable, Hashable {
  public var task: GridTask
  public var details: String
  public var tally: TaskTally
  public var acknowledgementsOverdue: Int
  public var finishesOverdue: Int
  public var escalation: EscalationLevel
  public var reminders: Int
  public init(
    task: GridTask, details: String, tally: TaskTally, acknowledgementsOverdue: Int, finishesOverdue: Int,
    escalation: EscalationLevel, reminders: Int
  ) {
    self.task = task
    self.details = details
    self.tally = tally
    self.acknowledgementsOverdue = acknowledgementsOverdue
    self.finishesOverdue = finishesOverdue
    self.escalation = escalation
    self.reminders = reminders
  }
  public var deadlines: Deadlines { task.deadlines }
}

/// One assignment with who holds it and where, for the task view.
public struct AssignmentDetail: Sendable, Hashable {
  public var unitID: Int64
  /// Compound, building and unit names.
  public var unitLabel: [String]
  public var leaderName: String
  /// The leader's phone: personal data, mask it on screen.
  public var leaderPhone: String
  public var department: String
  public var squad: String?
  public var station: String
  public var state: AssignmentState
  /// Seconds past the relevant deadline (0 when not late).
  public var lateBy: Int64
  public var reminders: Int
  /// This assignment counted as a tally of one (for rankings).
  public var tally: TaskTally
  public init(
    unitID: Int64, unitLabel: [String], leaderName: String, department: String, squad: String? = nil,
    station: String, state: AssignmentState, lateBy: Int64, reminders: Int, tally: TaskTally,
    leaderPhone: String = ""
  ) {
    self.unitID = unitID
    self.unitLabel = unitLabel
    self.leaderName = leaderName
    self.leaderPhone = leaderPhone
    self.department = department
    self.squad = squad
    self.station = station
    self.state = state
    self.lateBy = lateBy
    self.reminders = reminders
    self.tally = tally
  }
}

/// What rankings group by.
public enum RankingDimension: String, Sendable, CaseIterable {
  case station, department, squad
}

/// One group's record in a ranking.
public struct RankingRow: Sendable, Hashable {
  public var name: String
  public var tally: TaskTally
  public init(name: String, tally: TaskTally) {
    self.name = name
    self.tally = tally
  }
  public var ackRate: Double? {
    tally.assigned == 0 ? nil : Double(tally.acknowledgedOnTime) / Double(tally.assigned)
  }
  public var finishRate: Double? {
    tally.assigned == 0 ? nil : Double(tally.finishedOnTime) / Double(tally.assigned)
  }
}

/// Errors of the task desk, each saying what to do.
public enum TaskDeskError: Error, Equatable, CustomStringConvertible {
  case unknownTask(Int64)
  case alreadyAcknowledged(task: Int64, count: Int)
  case emptyScope(String)
  /// A request with a value out of bounds; nothing was written.
  case outOfBounds(String)

  public var description: String {
    switch self {
    case .unknownTask(let id): "no task \(id); `wangge tasks` lists them"
    case .alreadyAcknowledged(let id, let n):
      "task \(id) cannot be withdrawn: \(n) assignments are already acknowledged"
    case .emptyScope(let path): "\(path) has no units to assign"
    case .outOfBounds(let problem): "\(problem); nothing was written"
    }
  }
}
