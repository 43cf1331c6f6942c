/// One step of an order's life, carried by an event with an id:
/// open → claimed → closed (delivered/refused/cancelled), and claimed → released → open again.
public enum OrderAction: Hashable, Sendable {
  /// A volunteer takes the order.
  case claim(volunteer: String)
  /// The volunteer gives it back; it is open again with its deadlines unchanged.
  case release(by: String, note: String)
  /// The order ends with an outcome and a note. Cancelling is allowed while open; delivered and
  /// refused need a claim.
  case close(outcome: OrderOutcome, by: String, note: String)

  /// The event type word: `order_claim`, `order_release`, `order_close`.
  public var typeCode: String {
    switch self {
    case .claim: "order_claim"
    case .release: "order_release"
    case .close: "order_close"
    }
  }
}

/// Why an order step cannot be taken, naming the fix.
public enum OrderProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// Someone else holds it.
  case claimedByOther(order: String, by: String, at: Instant)
  /// It is closed already.
  case closed(order: String, outcome: OrderOutcome)
  /// Release or deliver needs a claim.
  case notClaimed(order: String)
  /// Only its holder may release it.
  case heldByOther(order: String, by: String)

  public var description: String {
    switch self {
    case .claimedByOther(let o, let by, let at):
      "order \(o) is already claimed by \(by) (at \(InstantFormat.iso(at))); ask \(by) to release it "
        + "(`wangge order release \(o)`) or choose another order"
    case .closed(let o, let outcome):
      "order \(o) is closed (\(outcome.chineseName) \(outcome.rawValue)); open a new order instead"
    case .notClaimed(let o):
      "order \(o) is not claimed; claim it first (`wangge order claim \(o) --volunteer NAME`) or cancel it"
    case .heldByOther(let o, let by):
      "order \(o) is held by \(by); only \(by) (or a station with --by \(by)) may release it"
    }
  }
}

/// The order state machine: pure, applied by both engines inside their write transaction.
public enum OrderMachine {
  /// `order` after `action` at `at`. Claiming an order one already holds changes nothing (returns it
  /// unchanged), so a retried claim is harmless.
  public static func apply(_ action: OrderAction, to order: ServiceOrder, at: Instant) throws -> ServiceOrder
  {
    var o = order
    if case .closed = o.state, let outcome = o.outcome {
      throw OrderProblem.closed(order: o.id, outcome: outcome)
    }
    switch action {
    case .claim(let v):
      if o.state == .claimed {
        if o.claimedBy == v { return o }
        throw OrderProblem.claimedByOther(order: o.id, by: o.claimedBy ?? "?", at: o.claimedAt ?? at)
      }
      o.state = .claimed
      o.claimedBy = v
      o.claimedAt = at
    case .release(let by, let note):
      guard o.state == .claimed else { throw OrderProblem.notClaimed(order: o.id) }
      guard o.claimedBy == by else { throw OrderProblem.heldByOther(order: o.id, by: o.claimedBy ?? "?") }
      o.state = .open
      o.claimedAt = nil
      o.note = note
    case .close(let outcome, _, let note):
      if outcome != .cancelled, o.state != .claimed { throw OrderProblem.notClaimed(order: o.id) }
      o.state = .closed
      o.outcome = outcome
      o.closedAt = at
      o.note = note
    }
    return o
  }
}
