/// The merge rule for an assignment's acknowledgements and finishes, in one place for every engine.
///
/// The earliest acknowledgement and the earliest finish win, so the order events arrive in does not
/// matter; a finish is also an acknowledgement; on time means at or before the deadline, to the second.
/// Engines persist the times this returns and add its tally delta to the rollups of every place above.
public enum AssignmentMerge {
  /// What one event does to one assignment.
  public struct Outcome: Hashable, Sendable {
    /// The assignment's times after the event.
    public var ackedAt: Instant?
    public var finishedAt: Instant?
    /// How the task's counters change (`assigned` stays 0): add it to every ancestor's tally.
    public var delta: TaskTally
    /// Whether the event changed anything (a later duplicate of an earlier time does not).
    public var changed: Bool
    /// Whether the finish time changed (the event's result then replaces the stored one).
    public var finishChanged: Bool
  }

  /// Merges an acknowledgement (`finishes` false) or a finish at `at` into the assignment's current times.
  public static func merge(
    ackedAt oldAck: Instant?, finishedAt oldFinish: Instant?, event at: Instant, finishes: Bool,
    deadlines: Deadlines
  ) -> Outcome {
    let newAck = min(oldAck ?? at, at)
    let newFinish = finishes ? min(oldFinish ?? at, at) : oldFinish
    var delta = TaskTally()
    func onTime(_ t: Instant?, _ isOnTime: (Instant) -> Bool) -> Int { t.map { isOnTime($0) ? 1 : 0 } ?? 0 }
    if oldAck == nil { delta.acknowledged = 1 }
    delta.acknowledgedOnTime = onTime(newAck, deadlines.ackIsOnTime) - onTime(oldAck, deadlines.ackIsOnTime)
    if oldFinish == nil && newFinish != nil { delta.finished = 1 }
    delta.finishedOnTime =
      onTime(newFinish, deadlines.finishIsOnTime) - onTime(oldFinish, deadlines.finishIsOnTime)
    return Outcome(
      ackedAt: newAck, finishedAt: newFinish, delta: delta,
      changed: newAck != oldAck || newFinish != oldFinish, finishChanged: newFinish != oldFinish)
  }
}
