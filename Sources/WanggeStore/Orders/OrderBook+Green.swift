import WanggeCore

extension OrderBook {
  func green(_ id: String, lock: Bool = false) throws -> (GreenChannel, Int64)? {
    guard
      let r = try sql.one(
        "SELECT \(Self.greenColumns) FROM green_channel WHERE id = ?"
          + (lock && sql.isPostgres ? " FOR UPDATE" : ""),
        [.text(id)])
    else { return nil }
    return (Self.decodeGreen(r), Int64(r[11]!)!)
  }

  static func decodeGreen(_ r: [String?]) -> GreenChannel {
    func t(_ i: Int) -> Instant? { r[i].flatMap { Int64($0) }.map(Instant.init(epochSeconds:)) }
    let opened = t(4)!
    var g = GreenChannel(
      id: r[0]!, householdID: Int64(r[1]!)!, kind: GreenKind(rawValue: r[2]!) ?? .other, raisedBy: r[3]!,
      openedAt: opened, respondWithin: t(5)!.since(opened))
    g.state = GreenState(rawValue: r[6]!) ?? .open
    g.takenBy = r[7]
    g.takenAt = t(8)
    g.resolvedAt = t(9)
    g.outcome = r[10] ?? ""
    return g
  }

  /// Whether the household has a help case whose old green flag is `green`.
  func helpGreen(_ household: Int64) throws -> Bool? {
    try sql.one("SELECT green FROM help_case WHERE household_id = ?", [.int(household)]).map { $0[0] != "0" }
  }

  /// Opens a handled green channel (and turns the help case's old flag on, if it has one).
  public func openGreen(_ r: GreenOpenRequest, setHelpFlag: Bool = true) throws -> OrderWrite<GreenChannel> {
    try Self.check("id", r.id, max: 80)
    try Self.check("raised_by", r.raisedBy, max: 40)
    if let p = InputBounds.windowProblem(r.respondWithin) {
      throw OrderDeskError.invalid(field: "respond within", problem: p)
    }
    let unit = try householdUnit(r.householdID)
    let g = GreenChannel(
      id: r.id, householdID: r.householdID, kind: r.kind, raisedBy: r.raisedBy, openedAt: r.at,
      respondWithin: r.respondWithin)
    let content = [
      "green_open", String(r.householdID), r.kind.rawValue, r.raisedBy, String(r.at.epochSeconds),
      String(g.respondBy.epochSeconds),
    ].joined(separator: "\u{1f}")
    guard
      try record(
        id: r.id, item: r.id, type: "green_open", at: r.at, source: r.source, place: unit, content: content)
    else { return OrderWrite(value: try green(r.id)!.0, applied: false) }
    try sql.run(
      "INSERT INTO green_channel(id, household_id, unit_id, kind, raised_by, opened_at, respond_by, state, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', '')",
      [
        .text(g.id), .int(g.householdID), .int(unit), .text(g.kind.rawValue), .text(g.raisedBy),
        .int(g.openedAt.epochSeconds), .int(g.respondBy.epochSeconds),
      ])
    let places = try places(from: unit)
    try rollups.addStats(places, green: 1)
    try rollups.moveDue(
      places, item: g.id, kind: "g", openedAt: g.openedAt.epochSeconds, old: nil,
      new: g.respondBy.epochSeconds)
    if setHelpFlag, try helpGreen(r.householdID) == false {
      try rollups.setHelpGreen(household: r.householdID, places: places, open: true)
    }
    return OrderWrite(value: g, applied: true)
  }

  public func act(
    onGreen id: String, _ action: GreenAction, eventID: String, at: Instant, source: String,
    clearHelpFlag: Bool = true
  ) throws -> OrderWrite<GreenChannel> {
    try Self.check("id", eventID, max: 80)
    guard let (old, unit) = try green(id, lock: true) else {
      throw OrderDeskError.unknown(what: "green channel", id: id, fix: "list them with `wangge green list`")
    }
    let content: String
    switch action {
    case .take(let by):
      try Self.check("by", by, max: 40)
      content = ["take", id, by, String(at.epochSeconds)].joined(separator: "\u{1f}")
    case .resolve(let by, let outcome):
      try Self.check("by", by, max: 40)
      try Self.check("outcome", outcome, max: 400)
      content = ["resolve", id, by, outcome, String(at.epochSeconds)].joined(separator: "\u{1f}")
    }
    if try isRepeat(eventID, content: content) { return OrderWrite(value: old, applied: false) }
    try Self.refuseBefore(opened: old.openedAt, at: at, what: "channel")
    let new: GreenChannel
    do {
      new = try GreenMachine.apply(action, to: old, at: at)
    } catch let p as GreenProblem {
      throw OrderDeskError.green(p)
    }
    _ = try record(
      id: eventID, item: id, type: action.typeCode, at: at, source: source, place: unit, content: content)
    guard new != old else { return OrderWrite(value: new, applied: false) }
    try sql.run(
      "UPDATE green_channel SET state = ?, taken_by = ?, taken_at = ?, resolved_at = ?, outcome = ? WHERE id = ?",
      [
        .text(new.state.rawValue), .opt(new.takenBy), .opt(new.takenAt?.epochSeconds),
        .opt(new.resolvedAt?.epochSeconds), .text(new.outcome), .text(id),
      ])
    let places = try places(from: unit)
    func n(_ s: GreenState, _ want: GreenState) -> Int64 { s == want ? 1 : 0 }
    try rollups.addStats(
      places, green: n(new.state, .open) - n(old.state, .open),
      taken: n(new.state, .taken) - n(old.state, .taken))
    if old.state == .open {
      try rollups.moveDue(
        places, item: id, kind: "g", openedAt: old.openedAt.epochSeconds, old: old.respondBy.epochSeconds,
        new: nil)
    }
    if clearHelpFlag, new.state == .resolved, try helpGreen(new.householdID) == true,
      try sql.int(
        "SELECT count(*) FROM green_channel WHERE household_id = ? AND state <> 'resolved'",
        [.int(new.householdID)])
        == 0
    {
      try rollups.setHelpGreen(household: new.householdID, places: places, open: false)
    }
    return OrderWrite(value: new, applied: true)
  }

  /// The old `green` event (a help case's flag turned on or off, as `screening`'s symptom report
  /// sends it): turning it on opens a handled channel (kind 其他, raised by the event's source, the
  /// default response deadline) under the event's id; turning it off resolves the household's
  /// channels. The engine's ingest has already changed the flag and `place_stats`.
  public func applyOldGreenEvent(id: String, household: Int64, open: Bool, at: Instant, source: String) throws
  {
    if open {
      _ = try openGreen(
        GreenOpenRequest(
          id: id, householdID: household, kind: .other,
          raisedBy: source.isEmpty ? "green" : String(source.prefix(40)),
          at: at, source: source), setHelpFlag: false)
      return
    }
    let ids = try sql.rows(
      "SELECT id, opened_at FROM green_channel WHERE household_id = ? AND state <> 'resolved' ORDER BY id",
      [.int(household)])
    for (i, row) in ids.enumerated() {
      // Events may arrive out of order: the flag's close resolves the channel no earlier than its opening.
      let at = max(at, Instant(epochSeconds: Int64(row[1]!)!))
      _ = try act(
        onGreen: row[0]!,
        .resolve(
          by: String(source.prefix(40)).isEmpty ? "green" : String(source.prefix(40)),
          outcome: "绿色通道关闭 (green event \(id))"),
        eventID: i == 0 ? id + "#resolve" : id + "#resolve\(i)", at: at, source: source, clearHelpFlag: false)
    }
  }
}
