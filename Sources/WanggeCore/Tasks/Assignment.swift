/// One unit's share of a task: the unit leader must acknowledge it and later finish it.
public struct Assignment: Hashable, Sendable {
  public var taskID: Int64
  public var unitID: Int64
  public var ackedAt: Instant?
  public var finishedAt: Instant?

  public init(taskID: Int64, unitID: Int64, ackedAt: Instant? = nil, finishedAt: Instant? = nil) {
    self.taskID = taskID
    self.unitID = unitID
    self.ackedAt = ackedAt
    self.finishedAt = finishedAt
  }

  /// The state at `now`, judged against `deadlines`. Events later than `now` are not yet known.
  public func state(at now: Instant, deadlines: Deadlines) -> AssignmentState {
    AssignmentState.derive(
      ackedAt: ackedAt.flatMap { $0 <= now ? $0 : nil },
      finishedAt: finishedAt.flatMap { $0 <= now ? $0 : nil },
      now: now, deadlines: deadlines)
  }
}

/// Where an assignment stands. Derived, never stored, so it is always right for the clock's time.
public enum AssignmentState: String, Sendable, CaseIterable, Codable {
  /// Not acknowledged, acknowledge deadline not yet passed.
  case pending
  /// Acknowledged at or before the acknowledge deadline; not finished; finish deadline not passed.
  case acknowledgedOnTime = "acknowledged_on_time"
  /// Acknowledged after the acknowledge deadline; not finished; finish deadline not passed.
  case acknowledgedLate = "acknowledged_late"
  /// Not acknowledged and the acknowledge deadline has passed (finish deadline not yet).
  case acknowledgementOverdue = "acknowledgement_overdue"
  /// Finished at or before the finish deadline.
  case finishedOnTime = "finished_on_time"
  /// Finished after the finish deadline.
  case finishedLate = "finished_late"
  /// Not finished and the finish deadline has passed (acknowledged or not).
  case finishOverdue = "finish_overdue"

  /// The state for the given event times at `now`. A finish counts as an acknowledgement.
  public static func derive(ackedAt: Instant?, finishedAt: Instant?, now: Instant, deadlines: Deadlines)
    -> AssignmentState
  {
    if let finishedAt {
      return deadlines.finishIsOnTime(finishedAt) ? .finishedOnTime : .finishedLate
    }
    if now > deadlines.finish { return .finishOverdue }
    if let ackedAt { return deadlines.ackIsOnTime(ackedAt) ? .acknowledgedOnTime : .acknowledgedLate }
    return now > deadlines.ack ? .acknowledgementOverdue : .pending
  }

  public var isOverdue: Bool { self == .acknowledgementOverdue || self == .finishOverdue }
}
