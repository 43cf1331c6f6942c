import Foundation

/// A connection of its own that listens on one channel (the live change feed) and survives a
/// server restart or a dropped network: each `next` call waits at most its timeout, reports what
/// happened, and while the server is away tries to reconnect with a growing pause (0.1 s … 5 s),
/// so a board's loop does not block for longer than it asked (except a reconnection attempt into a
/// network that drops packets, which waits up to the target's `connect_timeout`, 10 s by default).
public final class PGListener {
  /// What one wait saw.
  public enum Event: Equatable, Sendable {
    /// Notifications arrived; their payloads (table names for `wangge_change`).
    case changed(Set<String>)
    /// Nothing arrived within the timeout.
    case quiet
    /// The connection is down (the message names host and port); reconnecting.
    case lost(String)
    /// The connection is back and listening again: notifications sent meanwhile are lost, so read
    /// everything shown again to catch up.
    case reconnected
  }

  public let channel: String
  let connection: PGConnection
  private var down = false
  private var pause: Duration = .milliseconds(100)
  private var nextAttempt = ContinuousClock.now
  private var lastError = ""

  /// Connects to `target` and listens on `channel`. Throws ``PGError`` when the server cannot be reached.
  public init(_ target: PGTarget, database: String? = nil, channel: String = PostgresSchema.changeChannel)
    throws
  {
    self.channel = channel
    connection = try PGConnection(target, database: database)
    try connection.listen(channel)
  }

  /// Whether the connection is down (between a `.lost` and a `.reconnected`).
  public var isDown: Bool { down }

  /// The server's `host:port`.
  public var endpoint: String { connection.endpoint }

  /// Waits up to `timeout` for notifications, or (while down) tries to reconnect once it is time.
  public func next(waitingUpTo timeout: Duration) -> Event {
    let clock = ContinuousClock()
    if down {
      let now = clock.now
      if now < nextAttempt {
        let wait = min(timeout, now.duration(to: nextAttempt))
        Thread.sleep(
          forTimeInterval: Double(wait.components.seconds) + Double(wait.components.attoseconds) / 1e18)
        if clock.now < nextAttempt { return .lost(lastError) }
      }
      do {
        try connection.reconnect(attempts: 1)
        down = false
        pause = .milliseconds(100)
        return .reconnected
      } catch {
        lastError = "\(error)"
        nextAttempt = clock.now.advanced(by: pause)
        pause = min(pause * 2, .seconds(5))
        return .lost(lastError)
      }
    }
    do {
      let got = try connection.notifications(waitingUpTo: timeout)
      return got.isEmpty ? .quiet : .changed(Set(got.filter { $0.channel == channel }.map(\.payload)))
    } catch {
      down = true
      lastError = "\(error)"
      nextAttempt = clock.now.advanced(by: pause)
      return .lost(lastError)
    }
  }
}
