import WanggeStore

/// Whether the board's figures are live or the server is away (they stay on screen, marked stale).
public enum ConnectionState: Equatable, Sendable {
  case live
  /// The server cannot be reached since `since` (board seconds); `reason` names host and port.
  case lost(reason: String, since: Double)
  /// The feed is back but reading the store failed at `lastTry` (the server still starting): the
  /// figures stay stale and the read is tried again every ``Board/rereadInterval`` seconds.
  case rereading(since: Double, lastTry: Double)
}

extension Board {
  /// How often a failed read after a reconnection is tried again (seconds).
  public static let rereadInterval = 1.0

  /// Takes what the store's live feed saw; true when the screen must be drawn again.
  public func take(_ event: ChangeFeedEvent, tick: Double) -> Bool {
    switch (event, connection) {
    case (.quiet, .rereading(let since, let lastTry)):
      return tick - lastTry >= Self.rereadInterval && reread(since: since, tick: tick)
    case (.changed, .rereading(let since, _)):
      return reread(since: since, tick: tick)
    case (.quiet, _), (.changed, .lost):
      return false
    case (.changed, .live):
      guard !paused else { return false }
      return (try? reload(compare: true, tick: tick)) != nil
    case (.lost, .lost):
      return false
    case (.lost(let reason), _):
      connection = .lost(reason: reason, since: tick)
      return true
    case (.reconnected, .lost(_, let since)), (.reconnected, .rereading(let since, _)):
      return reread(since: since, tick: tick) || true
    case (.reconnected, .live):
      // Changes committed while away were not announced: read everything shown again.
      return (try? reload(compare: true, tick: tick)) != nil
    }
  }

  /// Reads everything shown again after a reconnection (changes made meanwhile were not announced);
  /// live again when it works, else tried again later. True when the screen changed.
  private func reread(since: Double, tick: Double) -> Bool {
    guard (try? reload(compare: true, tick: tick)) != nil else {
      connection = .rereading(since: since, lastTry: tick)
      return false
    }
    connection = .live
    say(words("已重新连接", "reconnected"), tick: tick)
    return true
  }

  /// True while the server is away: the figures on screen are the last ones read.
  public var isStale: Bool { connection != .live }
}
