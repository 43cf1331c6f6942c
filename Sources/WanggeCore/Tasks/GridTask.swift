/// A task issued from a place to every unit leader in its scope, with two deadlines.
public struct GridTask: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var type: TaskType
  public var title: String
  /// The place whose units all receive an assignment.
  public var scopeID: Int64
  public var issuedAt: Instant
  /// Window to acknowledge, counted from `issuedAt`.
  public var ackWithin: Span
  /// Window to finish, counted from `issuedAt`.
  public var finishWithin: Span

  public init(
    id: Int64, type: TaskType, title: String, scopeID: Int64, issuedAt: Instant,
    ackWithin: Span? = nil, finishWithin: Span? = nil
  ) {
    self.id = id
    self.type = type
    self.title = title
    self.scopeID = scopeID
    self.issuedAt = issuedAt
    self.ackWithin = ackWithin ?? type.defaultAckWindow
    self.finishWithin = finishWithin ?? type.defaultFinishWindow
  }

  public var deadlines: Deadlines {
    Deadlines(ack: issuedAt + ackWithin, finish: issuedAt + finishWithin)
  }
}

/// The two deadlines of a task. An event exactly at a deadline is on time; one second later is late.
public struct Deadlines: Hashable, Sendable {
  public var ack: Instant
  public var finish: Instant
  public init(ack: Instant, finish: Instant) {
    self.ack = ack
    self.finish = finish
  }

  public func ackIsOnTime(_ at: Instant) -> Bool { at <= ack }
  public func finishIsOnTime(_ at: Instant) -> Bool { at <= finish }
}
