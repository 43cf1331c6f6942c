import WanggeCore

extension OrderBook {
  /// Whether the event `eventID` is already recorded with this content (a repeat, which changes
  /// nothing); the same id with other content is refused.
  func isRepeat(_ eventID: String, content: String) throws -> Bool {
    guard let prior = try sql.one("SELECT content FROM order_event WHERE id = ?", [.text(eventID)]) else {
      return false
    }
    guard prior[0] == content else { throw OrderDeskError.conflictingID(eventID) }
    return true
  }

  /// Refuses a step dated before its order or channel (`what`) was opened.
  static func refuseBefore(opened: Instant, at: Instant, what: String) throws {
    guard at < opened else { return }
    throw OrderDeskError.invalid(
      field: "at",
      problem: "\(InstantFormat.iso(at)) is before the \(what) was opened (\(InstantFormat.iso(opened)))")
  }
}
