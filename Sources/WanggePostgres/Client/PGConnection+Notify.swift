import CLibPQ
import Foundation

/// A notification received on a channel this connection listens on.
public struct PGNotification: Sendable, Hashable {
  /// The channel it was sent on.
  public var channel: String
  /// The text sent with it (may be empty).
  public var payload: String
  /// The server process that sent it.
  public var senderPID: Int32
}

extension PGConnection {
  /// Starts listening on `channel` (kept across `reconnect`).
  public func listen(_ channel: String) throws {
    try exec("LISTEN \(try quoteIdentifier(channel))")
    if !channels.contains(channel) { channels.append(channel) }
  }

  /// Stops listening on `channel`.
  public func unlisten(_ channel: String) throws {
    try exec("UNLISTEN \(try quoteIdentifier(channel))")
    channels.removeAll { $0 == channel }
  }

  /// Sends a notification; inside a transaction it is delivered when (and only if) that commits.
  public func notify(_ channel: String, payload: String = "") throws {
    try exec("SELECT pg_notify($1, $2)", [channel, payload])
  }

  /// The notifications that have arrived, waiting up to `timeout` for the first one (on the
  /// connection's socket with poll(), so the process sleeps meanwhile). Empty when none came in time.
  /// Throws ``PGError`` (kind `.connectionLost`) when the server went away.
  public func notifications(waitingUpTo timeout: Duration) throws -> [PGNotification] {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    var found = try drainNotifications()
    while found.isEmpty {
      let left = clock.now.duration(to: deadline)
      guard left > .zero else { break }
      let (seconds, attoseconds) = left.components
      let ms = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
      let socket = PQsocket(handle)
      guard socket >= 0 else {
        throw PGError(kind: .connectionLost, endpoint: endpoint, message: lastMessage)
      }
      let ready = wangge_pq_wait_readable(socket, ms)
      if ready < 0, errno != EINTR {
        throw PGError(kind: .connectionLost, endpoint: endpoint, message: "poll on the server socket failed")
      }
      found = try drainNotifications()
    }
    return found
  }

  /// Reads what the socket holds and returns the queued notifications (never blocks).
  private func drainNotifications() throws -> [PGNotification] {
    guard PQconsumeInput(handle) == 1, PQstatus(handle) == CONNECTION_OK else {
      throw PGError(kind: .connectionLost, endpoint: endpoint, message: lastMessage)
    }
    var out: [PGNotification] = []
    while let n = PQnotifies(handle) {
      out.append(
        PGNotification(
          channel: String(cString: n.pointee.relname), payload: String(cString: n.pointee.extra),
          senderPID: n.pointee.be_pid))
      PQfreemem(n)
    }
    return out
  }
}
