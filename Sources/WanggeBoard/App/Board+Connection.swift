import WanggeStore

/// Whether the board's figures are live or the server is away (they stay on screen, marked stale).
public enum ConnectionState: Equatable, Sendable {
  case live
  /// The server cannot be reached since `since` (board seconds); `reason` names host and port.
  case lost(reason: String, since: Double)
}

extension Board {
  /// Takes what the store's live feed saw; true when the screen must be drawn again.
  public func take(_ event: ChangeFeedEvent, tick: Double) -> Bool {
    switch event {
    case .quiet:
      return false
    case .changed:
      guard connection == .live, !paused else { return false }
      return (try? reload(compare: true, tick: tick)) != nil
    case .lost(let reason):
      if case .lost = connection { return false }
      connection = .lost(reason: reason, since: tick)
      return true
    case .reconnected:
      connection = .live
      // Changes committed while away were not announced: read everything shown again.
      if (try? reload(compare: true, tick: tick)) == nil {
        connection = .lost(reason: words("重连后读取失败", "read failed after reconnecting"), since: tick)
      } else {
        say(words("已重新连接", "reconnected"), tick: tick)
      }
      return true
    }
  }

  /// True while the server is away: the figures on screen are the last ones read.
  public var isStale: Bool {
    if case .lost = connection { return true }
    return false
  }
}
