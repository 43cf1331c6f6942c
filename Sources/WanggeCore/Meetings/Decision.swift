/// A decision recorded at a meeting (布置的重点工作): what, who, by when, and whether it is done.
public struct Decision: Hashable, Sendable, Codable {
  public var id: Int64
  /// The place whose meeting took it.
  public var placeID: Int64
  public var text: String
  /// Who carries it out (a name or a post, e.g. 第一书记).
  public var owner: String
  public var due: Instant?
  public var recordedAt: Instant
  public var doneAt: Instant?
  /// The task the decision dispatched when it was recorded (`decision add --task`), if any.
  public var taskID: Int64?
  /// The service order it opened (`decision add --order`), if any.
  public var orderID: String?
  /// Where that task or order stands, filled in when the decisions are read.
  public var progress: DecisionProgress?
  public init(
    id: Int64, placeID: Int64, text: String, owner: String, due: Instant?, recordedAt: Instant,
    doneAt: Instant? = nil
  ) {
    self.id = id
    self.placeID = placeID
    self.text = text
    self.owner = owner
    self.due = due
    self.recordedAt = recordedAt
    self.doneAt = doneAt
  }

  /// Where it stands at `now`: done (by hand, or its task's units all finished, or its order closed),
  /// overdue (past due, not done) or open.
  public func state(at now: Instant) -> State {
    if let d = doneAt, d <= now { return .done }
    if progress?.isComplete == true { return .done }
    if let due, now > due { return .overdue }
    return .open
  }
  /// ``Decision/state(at:)``.
  public enum State: String, Sendable, Codable { case open, done, overdue }

  /// The bounds on a decision's text and owner.
  public static let maxText = 200
  public static let maxOwner = 40
  /// The problem with `text`/`owner`, naming the option and the fix; nil when both are fine.
  public static func problem(text: String, owner: String) -> String? {
    func bad(_ s: String) -> Bool { s.unicodeScalars.contains { $0.properties.generalCategory == .control } }
    if text.trimmingSpaces.isEmpty || text.count > maxText || bad(text) {
      return "--text: a decision is 1–\(maxText) characters on one line"
    }
    if owner.trimmingSpaces.isEmpty || owner.count > maxOwner || bad(owner) {
      return "--owner: who carries it out, 1–\(maxOwner) characters (a name or a post such as 第一书记)"
    }
    return nil
  }
}
