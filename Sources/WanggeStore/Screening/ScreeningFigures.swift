import WanggeCore

/// A place's home-isolation figures at an instant (rollups: `isolation_stats`, the due counts per
/// hour and `isolation_day`), for the overview's `隔离中 · 今日待查 · 超时未查 · 今日解除`.
public struct IsolationFigures: Hashable, Sendable {
  /// Cases 在管 now.
  public var active: Int64 = 0
  /// Of those, checks due later today (not yet overdue).
  public var dueToday: Int64 = 0
  /// Of those, a check overdue now (its window closed before `now`).
  public var overdue: Int64 = 0
  /// Cases released today.
  public var releasedToday: Int64 = 0
  /// All cases released, transferred, lost so far.
  public var released: Int64 = 0
  public var transferred: Int64 = 0
  public var lost: Int64 = 0
  /// Returnees recorded (from screening finishes and arrivals).
  public var returnees: Int64 = 0
  /// People announced and not yet arrived.
  public var expected: Int64 = 0
  /// Checks that reported a symptom (fever or said so).
  public var symptoms: Int64 = 0
  public init() {}
  /// Share of active cases whose check is not overdue (1 with none).
  public var onTimeRate: Double { active > 0 ? Double(active - overdue) / Double(active) : 1 }
}

/// What a task's screening finishes found under a place (the `screening_tally` rollup).
public struct ScreeningTotals: Hashable, Sendable {
  /// Households checked.
  public var checked: Int64 = 0
  /// Returnees found.
  public var returnees: Int64 = 0
  /// People to isolate.
  public var isolate: Int64 = 0
  /// Problems found.
  public var problems: Int64 = 0
  public init(checked: Int64 = 0, returnees: Int64 = 0, isolate: Int64 = 0, problems: Int64 = 0) {
    self.checked = checked
    self.returnees = returnees
    self.isolate = isolate
    self.problems = problems
  }
  public var values: [Int64] { [checked, returnees, isolate, problems] }
}

/// One isolation case as the `隔离` view and `wangge isolation list` show it.
public struct IsolationCaseRow: Hashable, Sendable {
  public var id: Int64
  public var household: Int64
  public var unit: Int64
  public var name: String
  public var risk: RiskLevel
  public var startedAt: Instant
  public var endsAt: Instant
  /// When the next check is due (nil once the case is closed).
  public var dueAt: Instant?
  public var lastCheck: Instant?
  public var status: IsolationStatus
  /// The responsible unit leader or helper.
  public var leader: String
  public init(
    id: Int64, household: Int64, unit: Int64, name: String, risk: RiskLevel, startedAt: Instant,
    endsAt: Instant, dueAt: Instant?, lastCheck: Instant?, status: IsolationStatus, leader: String
  ) {
    self.id = id
    self.household = household
    self.unit = unit
    self.name = name
    self.risk = risk
    self.startedAt = startedAt
    self.endsAt = endsAt
    self.dueAt = dueAt
    self.lastCheck = lastCheck
    self.status = status
    self.leader = leader
  }
  /// Whole days left until the end date (0 on it or after).
  public func daysLeft(at now: Instant) -> Int64 { max(0, LocalDay(endsAt).number - LocalDay(now).number) }
  /// Whether the check is overdue at `now`.
  public func overdue(at now: Instant) -> Bool { dueAt.map { $0 < now } ?? false }
}

/// A person announced before arrival, on the day's list.
public struct ExpectedArrival: Hashable, Sendable {
  public var household: Int64
  public var unit: Int64
  public var name: String
  public var from: String
  public var day: LocalDay
  public var risk: RiskLevel?
  public init(household: Int64, unit: Int64, name: String, from: String, day: LocalDay, risk: RiskLevel?) {
    self.household = household
    self.unit = unit
    self.name = name
    self.from = from
    self.day = day
    self.risk = risk
  }
}
