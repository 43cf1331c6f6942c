/// The figures a command station reads for one place: size, people, task response and coverage.
public struct PlaceFigures: Hashable, Sendable {
  public var households = 0
  public var people = 0
  public var units = 0
  public var unitLeaders = 0
  public var stations = 0
  public var groupsBuilt = 0
  public var reachedInGroup = 0
  public var reachedByPhone = 0
  public var helpCases = 0
  public var helpOverdue = 0
  public var greenChannelOpen = 0
  /// Assignments of the tasks in the reporting window.
  public var assigned = 0
  public var acknowledgedOnTime = 0
  public var acknowledgedLate = 0
  public var acknowledgementsOverdue = 0
  public var finishedOnTime = 0
  public var finishedLate = 0
  public var finishesOverdue = 0

  public init() {}

  /// Adds one task's tally, judging overdue counts at `now`.
  public mutating func add(_ tally: TaskTally, deadlines: Deadlines, at now: Instant) {
    assigned += tally.assigned
    acknowledgedOnTime += tally.acknowledgedOnTime
    acknowledgedLate += tally.acknowledged - tally.acknowledgedOnTime
    acknowledgementsOverdue += tally.acknowledgementsOverdue(at: now, deadlines: deadlines)
    finishedOnTime += tally.finishedOnTime
    finishedLate += tally.finished - tally.finishedOnTime
    finishesOverdue += tally.finishesOverdue(at: now, deadlines: deadlines)
  }

  /// Acknowledged on time ÷ assigned (响应率), nil when nothing was assigned.
  public var responseRate: Double? { ratio(acknowledgedOnTime, assigned) }
  /// Finished (on time or late) ÷ assigned (完成率), nil when nothing was assigned.
  public var completionRate: Double? { ratio(finishedOnTime + finishedLate, assigned) }
  /// Households reached by group or phone ÷ households (对接率), nil for a place without households.
  public var coverageRate: Double? { ratio(householdsReached, households) }
  public var householdsReached: Int { reachedInGroup + reachedByPhone }

  private func ratio(_ n: Int, _ d: Int) -> Double? { d == 0 ? nil : Double(n) / Double(d) }
}
