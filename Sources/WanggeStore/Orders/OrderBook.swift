import WanggeCore

/// The orders desk's writes on one engine transaction: the state machines of WanggeCore applied to
/// the rows, the events recorded by id, and the rollups changed alongside. Both engines run this.
public struct OrderBook {
  let sql: any OrderSQL
  var rollups: OrderRollups { OrderRollups(sql: sql) }

  public init(_ sql: any OrderSQL) { self.sql = sql }

  static let orderColumns =
    "id, household_id, kind, items, opened_by, opened_at, claim_by, close_by, state, claimed_by, claimed_at, closed_at, outcome, note, unit_id"
  static let greenColumns =
    "id, household_id, kind, raised_by, opened_at, respond_by, state, taken_by, taken_at, resolved_at, outcome, unit_id"

  // MARK: places

  /// The unit and every ancestor, unit first.
  func places(from unit: Int64) throws -> [Int64] {
    var out = [unit]
    var current = unit
    while let row = try sql.one("SELECT parent_id FROM place WHERE id = ?", [.int(current)]),
      let p = row[0].flatMap({ Int64($0) })
    {
      out.append(p)
      current = p
    }
    return out
  }

  func householdUnit(_ id: Int64) throws -> Int64 {
    guard let row = try sql.one("SELECT unit_id FROM household WHERE id = ?", [.int(id)]),
      let unit = row[0].flatMap({ Int64($0) })
    else {
      throw OrderDeskError.unknown(
        what: "household", id: String(id), fix: "find it with `wangge report` or the board's 户 view")
    }
    return unit
  }

  /// Records the event; false when the same id and content were recorded before. Throws when the id
  /// was recorded with other content.
  func record(
    id: String, item: String, type: String, at: Instant, source: String, place: Int64, content: String
  )
    throws -> Bool
  {
    if let prior = try sql.one("SELECT content FROM order_event WHERE id = ?", [.text(id)]) {
      guard prior[0] == content else { throw OrderDeskError.conflictingID(id) }
      return false
    }
    try sql.run(
      "INSERT INTO order_event(id, item_id, type, at, recorded_at, source, place_id, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      [
        .text(id), .text(item), .text(type), .int(at.epochSeconds), .int(at.epochSeconds), .text(source),
        .int(place), .text(content),
      ])
    return true
  }

  static func check(_ field: String, _ text: String, max: Int, empty: Bool = false) throws {
    if !empty && text.trimmingCharacters(in: .whitespaces).isEmpty {
      throw OrderDeskError.invalid(field: field, problem: "is empty; give a value")
    }
    if text.count > max {
      throw OrderDeskError.invalid(field: field, problem: "is \(text.count) characters; at most \(max)")
    }
    if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
      throw OrderDeskError.invalid(field: field, problem: "holds a control character; remove it")
    }
  }

  // MARK: orders

  /// The stored order with `id`, locked for this transaction on PostgreSQL.
  func order(_ id: String, lock: Bool = false) throws -> (ServiceOrder, Int64)? {
    guard
      let r = try sql.one(
        "SELECT \(Self.orderColumns) FROM service_order WHERE id = ?"
          + (lock && sql.isPostgres ? " FOR UPDATE" : ""),
        [.text(id)])
    else { return nil }
    return (Self.decodeOrder(r), Int64(r[14]!)!)
  }

  static func decodeOrder(_ r: [String?]) -> ServiceOrder {
    func t(_ i: Int) -> Instant? { r[i].flatMap { Int64($0) }.map(Instant.init(epochSeconds:)) }
    let opened = t(5)!
    var o = ServiceOrder(
      id: r[0]!, householdID: Int64(r[1]!)!, kind: OrderKind(rawValue: r[2]!) ?? .other, items: r[3]!,
      openedBy: r[4]!, openedAt: opened,
      deadlines: OrderDeadlines(claimWithin: t(6)!.since(opened), closeWithin: t(7)!.since(opened)))
    o.state = OrderState(rawValue: r[8]!) ?? .open
    o.claimedBy = r[9]
    o.claimedAt = t(10)
    o.closedAt = t(11)
    o.outcome = r[12].flatMap(OrderOutcome.init(rawValue:))
    o.note = r[13] ?? ""
    return o
  }

  public func open(_ r: OrderOpenRequest) throws -> OrderWrite<ServiceOrder> {
    try Self.check("id", r.id, max: 80)
    try Self.check("items", r.items, max: 400)
    try Self.check("opened_by", r.openedBy, max: 40)
    if let p = InputBounds.windowProblem(r.deadlines.closeWithin) {
      throw OrderDeskError.invalid(field: "close deadline", problem: p)
    }
    let unit = try householdUnit(r.householdID)
    let o = ServiceOrder(
      id: r.id, householdID: r.householdID, kind: r.kind, items: r.items, openedBy: r.openedBy,
      openedAt: r.at,
      deadlines: r.deadlines)
    let content = [
      "order_open", String(r.householdID), r.kind.rawValue, r.items, r.openedBy,
      String(r.at.epochSeconds), String(o.claimBy.epochSeconds), String(o.closeBy.epochSeconds),
    ]
    .joined(separator: "\u{1f}")
    guard
      try record(
        id: r.id, item: r.id, type: "order_open", at: r.at, source: r.source, place: unit, content: content)
    else { return OrderWrite(value: try order(r.id)!.0, applied: false) }
    try sql.run(
      "INSERT INTO service_order(id, household_id, unit_id, kind, items, opened_by, opened_at, claim_by, close_by, state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', '')",
      [
        .text(o.id), .int(o.householdID), .int(unit), .text(o.kind.rawValue), .text(o.items),
        .text(o.openedBy),
        .int(o.openedAt.epochSeconds), .int(o.claimBy.epochSeconds), .int(o.closeBy.epochSeconds),
      ])
    let places = try places(from: unit)
    try rollups.addStats(places, unclaimed: 1)
    try rollups.moveDue(
      places, item: o.id, kind: "o", openedAt: o.openedAt.epochSeconds, old: nil, new: o.claimBy.epochSeconds)
    return OrderWrite(value: o, applied: true)
  }

  public func act(on id: String, _ action: OrderAction, eventID: String, at: Instant, source: String) throws
    -> OrderWrite<ServiceOrder>
  {
    try Self.check("id", eventID, max: 80)
    guard let (old, unit) = try order(id, lock: true) else {
      throw OrderDeskError.unknown(what: "order", id: id, fix: "list orders with `wangge order list`")
    }
    let content: String
    switch action {
    case .claim(let v):
      try Self.check("volunteer", v, max: 40)
      content = ["claim", id, v, String(at.epochSeconds)].joined(separator: "\u{1f}")
    case .release(let by, let note):
      try Self.check("note", note, max: 400, empty: true)
      content = ["release", id, by, note, String(at.epochSeconds)].joined(separator: "\u{1f}")
    case .close(let outcome, let by, let note):
      try Self.check("note", note, max: 400, empty: true)
      content = ["close", id, outcome.rawValue, by, note, String(at.epochSeconds)].joined(separator: "\u{1f}")
    }
    if try isRepeat(eventID, content: content) { return OrderWrite(value: old, applied: false) }
    try Self.refuseBefore(opened: old.openedAt, at: at, what: "order")
    let new: ServiceOrder
    do {
      new = try OrderMachine.apply(action, to: old, at: at)
    } catch let p as OrderProblem {
      throw OrderDeskError.order(p)
    }
    _ = try record(
      id: eventID, item: id, type: action.typeCode, at: at, source: source, place: unit, content: content)
    guard new != old else { return OrderWrite(value: new, applied: false) }
    try sql.run(
      "UPDATE service_order SET state = ?, claimed_by = ?, claimed_at = ?, closed_at = ?, outcome = ?, note = ? WHERE id = ?",
      [
        .text(new.state.rawValue), .opt(new.claimedBy), .opt(new.claimedAt?.epochSeconds),
        .opt(new.closedAt?.epochSeconds), .opt(new.outcome?.rawValue), .text(new.note), .text(id),
      ])
    let places = try places(from: unit)
    func n(_ s: OrderState, _ want: OrderState) -> Int64 { s == want ? 1 : 0 }
    try rollups.addStats(
      places, unclaimed: n(new.state, .open) - n(old.state, .open),
      claimed: n(new.state, .claimed) - n(old.state, .claimed))
    if new.claimedBy != old.claimedBy || new.state != old.state {  // orders in hand, per holder
      let load = VolunteerRollups(sql: sql)
      if old.state == .claimed, let h = old.claimedBy { try load.addLoad(h, -1) }
      if new.state == .claimed, let h = new.claimedBy { try load.addLoad(h, 1) }
    }
    try rollups.moveDue(
      places, item: id, kind: "o", openedAt: old.openedAt.epochSeconds, old: old.activeDeadline?.epochSeconds,
      new: new.activeDeadline?.epochSeconds)
    if new.state == .closed, let closed = new.closedAt {
      try rollups.addClosed(
        places, day: CloseDurations.day(closed), bucket: CloseDurations.bucket(closed.since(new.openedAt)))
    }
    return OrderWrite(value: new, applied: true)
  }
}
