/// Who is answerable for a missed deadline: the unit leader, then up the chain.
public enum EscalationLevel: Int, Sendable, Comparable, CaseIterable, Codable {
  /// Nothing overdue: the unit leader's own work.
  case unitLeader = 0
  /// 网格组长 — the squad leader is told.
  case squadLeader = 1
  /// 部门 / 指挥长 — the department and the station commander are told.
  case departmentAndStation = 2
  /// 社区 — the community command centre takes it over.
  case community = 3

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

  /// The code used in JSON: `unit_leader`, `squad_leader`, `department_station`, `community`.
  public var code: String {
    switch self {
    case .unitLeader: "unit_leader"
    case .squadLeader: "squad_leader"
    case .departmentAndStation: "department_station"
    case .community: "community"
    }
  }

  /// Chinese name shown on screen.
  public var chineseName: String {
    switch self {
    case .unitLeader: "单元长"
    case .squadLeader: "网格组长"
    case .departmentAndStation: "部门/指挥长"
    case .community: "社区"
    }
  }

  /// English name shown on screen.
  public var englishName: String {
    switch self {
    case .unitLeader: "unit leader"
    case .squadLeader: "squad leader"
    case .departmentAndStation: "dept & station"
    case .community: "community"
    }
  }
}

/// When an overdue acknowledgement or finish escalates: each step is a time after the deadline;
/// once `now` is past `deadline + step` (by at least one second) the next level is reached.
public struct EscalationPolicy: Hashable, Sendable {
  /// Offsets after the deadline for squad leader, department and station, community.
  public var steps: [Span]
  public init(steps: [Span]) { self.steps = steps }

  /// The default steps of a task type: screening at the deadline, +1 h, +3 h; a notice faster;
  /// a visit round slower.
  public static func standard(for type: TaskType) -> EscalationPolicy {
    switch type {
    case .screening: EscalationPolicy(steps: [.hours(0), .hours(1), .hours(3)])
    case .notice: EscalationPolicy(steps: [.hours(0), .minutes(30), .hours(1)])
    case .visitRound, .census: EscalationPolicy(steps: [.hours(0), .hours(2), .hours(6)])
    }
  }

  /// The level for something due at `deadline` and still missing at `now`.
  public func level(deadline: Instant, at now: Instant) -> EscalationLevel {
    var level = EscalationLevel.unitLeader
    for (index, step) in steps.prefix(3).enumerated() where now > deadline + step {
      level = EscalationLevel(rawValue: index + 1) ?? .community
    }
    return level
  }

  /// The level of a whole task (or its part in a place): the worse of the missing acknowledgements
  /// (past the acknowledge deadline) and the missing finishes (past the finish deadline).
  public func level(of tally: TaskTally, deadlines: Deadlines, at now: Instant) -> EscalationLevel {
    var level = EscalationLevel.unitLeader
    if tally.acknowledged < tally.assigned {
      level = max(level, self.level(deadline: deadlines.ack, at: now))
    }
    if tally.finished < tally.assigned { level = max(level, self.level(deadline: deadlines.finish, at: now)) }
    return level
  }

  /// The time the next level is reached, or nil at the top (for countdowns on screen).
  public func nextStep(deadline: Instant, at now: Instant) -> Instant? {
    steps.prefix(3).map { deadline + $0 + Span(seconds: 1) }.first { $0 > now }
  }
}
