/// How a help case is served (服务方式).
public enum ServiceMode: Int, Sendable, CaseIterable, Codable {
  /// Through the unit chat group (群内服务).
  case group = 0
  /// Regular phone checks (电话问询).
  case phone = 1
  /// A paired helper (一包一).
  case pairedHelper = 2
  /// Home visits (上门看).
  case homeVisit = 3

  public var code: String {
    switch self {
    case .group: "group"
    case .phone: "phone"
    case .pairedHelper: "paired"
    case .homeVisit: "visit"
    }
  }

  public init?(code: String) {
    guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
    self = match
  }
}

/// One-to-one help (一对一帮扶) for a household that needs special care.
public struct HelpCase: Hashable, Sendable {
  public var householdID: Int64
  public var mode: ServiceMode
  public var helperName: String
  /// How often the household must be visited, e.g. every 2 days.
  public var cadence: Span
  /// The last visit; nil when never visited since the case opened.
  public var lastVisit: Instant?
  /// When the case was opened; the first visit is due one cadence after it.
  public var openedAt: Instant
  /// Green channel (绿色通道): an emergency that jumps every queue.
  public var greenChannel: Bool
  /// Needs such as medicine or groceries, as free text.
  public var needs: String

  public init(
    householdID: Int64, mode: ServiceMode, helperName: String, cadence: Span, lastVisit: Instant?,
    openedAt: Instant, greenChannel: Bool, needs: String
  ) {
    self.householdID = householdID
    self.mode = mode
    self.helperName = helperName
    self.cadence = cadence
    self.lastVisit = lastVisit
    self.openedAt = openedAt
    self.greenChannel = greenChannel
    self.needs = needs
  }

  /// When the next visit is due.
  public var dueAt: Instant { (lastVisit ?? openedAt) + cadence }

  /// True once `now` is strictly after the due time.
  public func isOverdue(at now: Instant) -> Bool { now > dueAt }

  /// How long the visit is overdue at `now` (zero when not overdue).
  public func overdueBy(at now: Instant) -> Span {
    isOverdue(at: now) ? now.since(dueAt) : Span(seconds: 0)
  }
}
