/// Why a green channel (绿色通道) was opened: 就医, 断药, 失联, 独居老人异常, 其他.
public enum GreenKind: String, CaseIterable, Sendable, Codable, Hashable {
  case medical, medicine, lostContact = "lost_contact", elderlyAlone = "elderly_alone", other

  /// The Chinese word.
  public var chineseName: String {
    switch self {
    case .medical: "就医"
    case .medicine: "断药"
    case .lostContact: "失联"
    case .elderlyAlone: "独居老人异常"
    case .other: "其他"
    }
  }

  /// Reads the code or the Chinese word.
  public init?(word: String) {
    if let k = GreenKind(rawValue: word) {
      self = k
      return
    }
    guard let k = GreenKind.allCases.first(where: { $0.chineseName == word }) else { return nil }
    self = k
  }

  /// Every accepted word, for error messages.
  public static var accepted: String {
    allCases.map { "\($0.chineseName)/\($0.rawValue)" }.joined(separator: ", ")
  }
}

/// Where a green channel stands: open (待接), taken (已接), resolved (已办结).
public enum GreenState: String, CaseIterable, Sendable, Codable, Hashable {
  case open, taken, resolved

  /// The Chinese word.
  public var chineseName: String {
    switch self {
    case .open: "待接"
    case .taken: "已接"
    case .resolved: "已办结"
    }
  }
}

/// A handled green channel: opened with a kind and a raiser, taken within a response deadline,
/// resolved with an outcome. Untaken past its deadline it escalates (station, then community).
public struct GreenChannel: Hashable, Sendable, Codable {
  /// The default response deadline.
  public static let defaultRespondWithin = Span.minutes(15)

  /// The id of the event that opened it.
  public var id: String
  public var householdID: Int64
  public var kind: GreenKind
  /// Who raised it (a helper, a unit leader, `screening`, the source of an old `green` event).
  public var raisedBy: String
  public var openedAt: Instant
  /// It must be taken by this.
  public var respondBy: Instant
  public var state: GreenState
  public var takenBy: String?
  public var takenAt: Instant?
  public var resolvedAt: Instant?
  public var outcome: String

  public init(
    id: String, householdID: Int64, kind: GreenKind, raisedBy: String, openedAt: Instant,
    respondWithin: Span = GreenChannel.defaultRespondWithin
  ) {
    self.id = id
    self.householdID = householdID
    self.kind = kind
    self.raisedBy = raisedBy
    self.openedAt = openedAt
    respondBy = openedAt + respondWithin
    state = .open
    outcome = ""
  }

  /// Untaken past its response deadline.
  public func isOverdue(at now: Instant) -> Bool { state == .open && now > respondBy }

  /// Who answers for it at `now`: the station at the deadline, the community 15 minutes later.
  public func escalation(at now: Instant) -> ServiceEscalation {
    guard state == .open else { return .volunteer }
    return ServiceEscalation.level(deadline: respondBy, at: now, communityAfter: .minutes(15))
  }
}

/// A step of a green channel: take, resolve.
public enum GreenAction: Hashable, Sendable {
  case take(by: String)
  case resolve(by: String, outcome: String)

  /// The event type word.
  public var typeCode: String {
    switch self {
    case .take: "green_take"
    case .resolve: "green_resolve"
    }
  }
}

/// Why a green channel step cannot be taken.
public enum GreenProblem: Error, Hashable, Sendable, CustomStringConvertible {
  case takenByOther(id: String, by: String, at: Instant)
  case resolved(id: String)

  public var description: String {
    switch self {
    case .takenByOther(let id, let by, let at):
      "green channel \(id) was already taken by \(by) (at \(InstantFormat.iso(at))); coordinate with \(by)"
    case .resolved(let id): "green channel \(id) is resolved; open a new one if help is needed again"
    }
  }
}

/// The green channel state machine: open → taken → resolved (open → resolved is allowed too, when
/// whoever resolves it also takes it).
public enum GreenMachine {
  /// `channel` after `action` at `at`; taking one already held by the same person changes nothing.
  public static func apply(_ action: GreenAction, to channel: GreenChannel, at: Instant) throws
    -> GreenChannel
  {
    var g = channel
    guard g.state != .resolved else { throw GreenProblem.resolved(id: g.id) }
    switch action {
    case .take(let by):
      if g.state == .taken {
        if g.takenBy == by { return g }
        throw GreenProblem.takenByOther(id: g.id, by: g.takenBy ?? "?", at: g.takenAt ?? at)
      }
      g.state = .taken
      g.takenBy = by
      g.takenAt = at
    case .resolve(let by, let outcome):
      if g.state == .open {
        g.takenBy = by
        g.takenAt = at
      }
      g.state = .resolved
      g.resolvedAt = at
      g.outcome = outcome
    }
    return g
  }
}
