import WanggeCore

/// Service orders, handled green channels and volunteers: writes are events with ids (a repeat is
/// harmless), applied with their rollups in one transaction; reads come from the rollups.
public protocol OrderDesk: Store {
  /// Opens an order for a household; returns it (the stored one when the id was applied before).
  func openOrder(_ request: OrderOpenRequest) throws -> OrderWrite<ServiceOrder>
  /// Claims, releases or closes an order. Two claims racing: exactly one wins, the other is told who
  /// holds it (``OrderDeskError/order(_:)`` with ``OrderProblem/claimedByOther(order:by:at:)``).
  func act(on order: String, _ action: OrderAction, eventID: String, at: Instant, source: String) throws
    -> OrderWrite<ServiceOrder>
  /// Orders of households under `scope`: open and claimed first (overdue first, then by deadline),
  /// then those closed within `closedWithin` before `now`; at most `limit`.
  func orders(under scope: Int64, at now: Instant, closedWithin: Span, limit: Int) throws -> [OrderRow]
  /// Order and green-channel figures per place, from the rollups (O(ids × buckets)).
  func orderFigures(for ids: [Int64], at now: Instant) throws -> [Int64: OrderFigures]
  /// Opens a handled green channel.
  func openGreen(_ request: GreenOpenRequest) throws -> OrderWrite<GreenChannel>
  /// Takes or resolves a green channel.
  func act(onGreen id: String, _ action: GreenAction, eventID: String, at: Instant, source: String) throws
    -> OrderWrite<GreenChannel>
  /// Green channels under `scope`: untaken first (oldest first), then taken, then resolved within a day.
  func greenChannels(under scope: Int64, at now: Instant, limit: Int) throws -> [GreenRow]
  /// Volunteers who reported to a place under `scope`, with the orders each holds; at most `limit`.
  func volunteers(under scope: Int64, at now: Instant, limit: Int) throws -> [VolunteerRow]
  /// The 志愿者 view's figures of a place (volunteers, reported, on post today, orders in hand), from rollups.
  func volunteerFigures(of scope: Int64, at now: Instant) throws -> VolunteerFigures
  /// Adds or replaces volunteers (the ledger importer's volunteers kind), in one transaction.
  func saveVolunteers(_ records: [VolunteerRecord]) throws -> Int
}

/// What a write did: applied, or found already applied (the same id and content).
public struct OrderWrite<Value: Sendable & Hashable>: Sendable, Hashable {
  public var value: Value
  /// False when the event id had been applied before (nothing changed).
  public var applied: Bool
  public init(value: Value, applied: Bool) {
    self.value = value
    self.applied = applied
  }
}

/// An order as the operator opens it.
public struct OrderOpenRequest: Sendable, Hashable {
  public var id: String
  public var householdID: Int64
  public var kind: OrderKind
  public var items: String
  public var openedBy: String
  public var at: Instant
  public var deadlines: OrderDeadlines
  public var source: String
  public init(
    id: String, householdID: Int64, kind: OrderKind, items: String, openedBy: String, at: Instant,
    deadlines: OrderDeadlines? = nil, source: String
  ) {
    self.id = id
    self.householdID = householdID
    self.kind = kind
    self.items = items
    self.openedBy = openedBy
    self.at = at
    self.deadlines = deadlines ?? OrderPolicy().deadlines(for: kind)
    self.source = source
  }
}

/// A green channel as it is raised.
public struct GreenOpenRequest: Sendable, Hashable {
  public var id: String
  public var householdID: Int64
  public var kind: GreenKind
  public var raisedBy: String
  public var at: Instant
  public var respondWithin: Span
  public var source: String
  public init(
    id: String, householdID: Int64, kind: GreenKind, raisedBy: String, at: Instant,
    respondWithin: Span = GreenChannel.defaultRespondWithin, source: String
  ) {
    self.id = id
    self.householdID = householdID
    self.kind = kind
    self.raisedBy = raisedBy
    self.at = at
    self.respondWithin = respondWithin
    self.source = source
  }
}

/// An order in a list, with where it is.
public struct OrderRow: Sendable, Hashable {
  public var order: ServiceOrder
  public var unitID: Int64
  public var room: String
  public var headName: String
  public init(order: ServiceOrder, unitID: Int64, room: String, headName: String) {
    self.order = order
    self.unitID = unitID
    self.room = room
    self.headName = headName
  }
}

/// A green channel in a list, with where it is.
public struct GreenRow: Sendable, Hashable {
  public var channel: GreenChannel
  public var unitID: Int64
  public var room: String
  public var headName: String
  public init(channel: GreenChannel, unitID: Int64, room: String, headName: String) {
    self.channel = channel
    self.unitID = unitID
    self.room = room
    self.headName = headName
  }
}

/// A volunteer with the orders they hold now.
public struct VolunteerRow: Sendable, Hashable {
  public var volunteer: VolunteerRecord
  public var ordersInHand: Int
  public init(volunteer: VolunteerRecord, ordersInHand: Int) {
    self.volunteer = volunteer
    self.ordersInHand = ordersInHand
  }
}

/// A place's order and green-channel figures, judged at one instant.
public struct OrderFigures: Sendable, Hashable {
  /// Open or claimed (not closed).
  public var open = 0
  /// Open and not claimed (待领).
  public var unclaimed = 0
  /// Past their active deadline (claim or close) at the instant (超时).
  public var overdue = 0
  /// Closed on the instant's local day.
  public var closedToday = 0
  /// Median time from opening to closing over the last 7 local days (nil with no closes).
  public var medianClose: Span?
  /// Green channels not yet taken.
  public var greenUntaken = 0
  /// Of those, past their response deadline.
  public var greenOverdue = 0
  /// When the longest-waiting untaken green channel was opened.
  public var greenOldest: Instant?
  public init() {}

  /// Who answers for the longest-waiting green channel at `now`.
  public func greenEscalation(at now: Instant, respondWithin: Span = GreenChannel.defaultRespondWithin)
    -> ServiceEscalation
  {
    guard let o = greenOldest else { return .volunteer }
    return ServiceEscalation.level(deadline: o + respondWithin, at: now, communityAfter: .minutes(15))
  }
}

/// Errors a person can cause at the orders desk; each names the field and the fix.
public enum OrderDeskError: Error, Hashable, Sendable, CustomStringConvertible {
  case order(OrderProblem)
  case green(GreenProblem)
  /// No such order, green channel or household (in the caller's scope).
  case unknown(what: String, id: String, fix: String)
  /// The event id was applied before with other content.
  case conflictingID(String)
  /// A value out of bounds.
  case invalid(field: String, problem: String)

  public var description: String {
    switch self {
    case .order(let p): p.description
    case .green(let p): p.description
    case .unknown(let what, let id, let fix): "no \(what) has id \(id); \(fix)"
    case .conflictingID(let id):
      "event id \"\(id)\" was already applied with different content; give a new id (--id), or repeat it unchanged"
    case .invalid(let field, let problem): "\(field): \(problem)"
    }
  }
}
