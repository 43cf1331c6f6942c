import WanggeCore

/// What a read of a task's overdue assignments looks for at a time: none before the acknowledge
/// deadline; the unacknowledged among the unfinished until the finish deadline; every unfinished after.
public struct OverdueScan: Sendable, Hashable {
  /// Only assignments not acknowledged by then are overdue (the finish deadline has not passed).
  public var needsUnacknowledged: Bool

  /// nil when nothing of the task can be overdue at `now`.
  public init?(deadlines: Deadlines, at now: Instant) {
    if now > deadlines.finish {
      needsUnacknowledged = false
    } else if now > deadlines.ack {
      needsUnacknowledged = true
    } else {
      return nil
    }
  }

  /// The overdue ones of `rows`, most late first, then by unit.
  public static func ordered(_ rows: [AssignmentDetail]) -> [AssignmentDetail] {
    rows.filter(\.state.isOverdue).sorted {
      $0.lateBy != $1.lateBy ? $0.lateBy > $1.lateBy : $0.unitID < $1.unitID
    }
  }
}
