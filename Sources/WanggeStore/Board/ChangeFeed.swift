/// A store's live change signal for the board's loop: the engine pushes commits as they happen
/// (PostgreSQL's LISTEN/NOTIFY) and says when its server is away and when it is back.
public protocol ChangeFeed: AnyObject {
  /// What happened since the last call; never waits longer than a reconnection attempt.
  func poll() -> ChangeFeedEvent
  /// Where the feed listens (`host:port`), for the board's messages.
  var endpoint: String { get }
}

/// What one ``ChangeFeed/poll()`` saw.
public enum ChangeFeedEvent: Equatable, Sendable {
  /// Some client committed a change: read what is shown again.
  case changed
  /// Nothing new.
  case quiet
  /// The server cannot be reached (the text says why and names host and port); reconnecting.
  case lost(String)
  /// The server is back: changes made meanwhile were not announced, so read everything again.
  case reconnected
}
