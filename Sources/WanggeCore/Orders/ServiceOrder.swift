/// A service order (服务工单): a household's request, claimed by a volunteer and closed by a deadline.
public struct ServiceOrder: Hashable, Sendable, Codable {
  /// The id of the event that opened it.
  public var id: String
  public var householdID: Int64
  public var kind: OrderKind
  /// What is asked for (items or free text).
  public var items: String
  /// Who opened it (a resident by phone, a unit leader, a helper).
  public var openedBy: String
  public var openedAt: Instant
  /// It must be claimed before this.
  public var claimBy: Instant
  /// It must be closed before this.
  public var closeBy: Instant
  public var state: OrderState
  /// The volunteer holding it (claimed), or who last held it.
  public var claimedBy: String?
  public var claimedAt: Instant?
  public var closedAt: Instant?
  public var outcome: OrderOutcome?
  /// The closing (or releasing) note.
  public var note: String

  public init(
    id: String, householdID: Int64, kind: OrderKind, items: String, openedBy: String, openedAt: Instant,
    deadlines: OrderDeadlines
  ) {
    self.id = id
    self.householdID = householdID
    self.kind = kind
    self.items = items
    self.openedBy = openedBy
    self.openedAt = openedAt
    claimBy = openedAt + deadlines.claimWithin
    closeBy = openedAt + deadlines.closeWithin
    state = .open
    note = ""
  }

  /// The deadline that counts now: the claim deadline while open, the close deadline while claimed,
  /// none once closed.
  public var activeDeadline: Instant? {
    switch state {
    case .open: claimBy
    case .claimed: closeBy
    case .closed: nil
    }
  }

  /// Past its active deadline at `now` (a deadline is met up to and including its second).
  public func isOverdue(at now: Instant) -> Bool { activeDeadline.map { now > $0 } ?? false }

  /// Who must act at `now`: the volunteer (or nobody) until the deadline, then the station, then the
  /// community an hour after it.
  public func escalation(at now: Instant) -> ServiceEscalation {
    guard let d = activeDeadline else { return .volunteer }
    return ServiceEscalation.level(deadline: d, at: now, communityAfter: .hours(1))
  }
}

/// Who answers for a late order or an untaken green channel: volunteer → station → community.
public enum ServiceEscalation: Int, Sendable, Comparable, CaseIterable, Codable {
  /// Not late: the volunteer's (or the first responder's) own work.
  case volunteer = 0
  /// Past the deadline: the station (工作站) is told.
  case station = 1
  /// Long past it: the community (社区) takes it over.
  case community = 2

  public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

  /// The code used in JSON.
  public var code: String {
    switch self {
    case .volunteer: "volunteer"
    case .station: "station"
    case .community: "community"
    }
  }

  /// The Chinese word.
  public var chineseName: String {
    switch self {
    case .volunteer: "志愿者"
    case .station: "工作站"
    case .community: "社区"
    }
  }

  /// The level of something due at `deadline` and still not done at `now`.
  public static func level(deadline: Instant, at now: Instant, communityAfter: Span) -> Self {
    if now > deadline + communityAfter { return .community }
    return now > deadline ? .station : .volunteer
  }
}
