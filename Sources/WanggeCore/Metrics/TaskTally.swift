/// Counters of one task's assignments under one place. Rollups store exactly these, per place and task.
///
/// They do not depend on the clock; overdue counts are derived from them and the task's deadlines.
public struct TaskTally: Hashable, Sendable {
  public var assigned: Int = 0
  public var acknowledged: Int = 0
  public var acknowledgedOnTime: Int = 0
  public var finished: Int = 0
  public var finishedOnTime: Int = 0

  public init(
    assigned: Int = 0, acknowledged: Int = 0, acknowledgedOnTime: Int = 0, finished: Int = 0,
    finishedOnTime: Int = 0
  ) {
    self.assigned = assigned
    self.acknowledged = acknowledged
    self.acknowledgedOnTime = acknowledgedOnTime
    self.finished = finished
    self.finishedOnTime = finishedOnTime
  }

  /// Adds `other` counter by counter.
  public mutating func add(_ other: TaskTally) {
    assigned += other.assigned
    acknowledged += other.acknowledged
    acknowledgedOnTime += other.acknowledgedOnTime
    finished += other.finished
    finishedOnTime += other.finishedOnTime
  }

  /// Counts one assignment's events (a finish implies an acknowledgement).
  public mutating func count(_ a: Assignment, deadlines: Deadlines) {
    assigned += 1
    let ack = a.ackedAt ?? a.finishedAt
    if let ack {
      acknowledged += 1
      if deadlines.ackIsOnTime(ack) { acknowledgedOnTime += 1 }
    }
    if let fin = a.finishedAt {
      finished += 1
      if deadlines.finishIsOnTime(fin) { finishedOnTime += 1 }
    }
  }

  /// Acknowledgements still missing once `now` is past the acknowledge deadline.
  public func acknowledgementsOverdue(at now: Instant, deadlines: Deadlines) -> Int {
    now > deadlines.ack ? assigned - acknowledged : 0
  }

  /// Finishes still missing once `now` is past the finish deadline.
  public func finishesOverdue(at now: Instant, deadlines: Deadlines) -> Int {
    now > deadlines.finish ? assigned - finished : 0
  }
}
