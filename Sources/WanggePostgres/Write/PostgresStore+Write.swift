import Foundation
import WanggeStore

extension PostgresStore {
  /// Runs `body` in one READ COMMITTED transaction under the store's lock. Serialization failures and
  /// deadlocks are retried inside ``PGConnection/transaction(_:readOnly:maxAttempts:_:)``; a connection
  /// that dropped before COMMIT was sent (so nothing can have been committed) is brought back and the
  /// write run once more; one that dropped while committing is never retried blindly (the commit may
  /// have happened) and is reported as ``StoreError/writeFailed`` saying so. Other server errors
  /// become `writeFailed` naming host:port and the fix; errors a person can cause pass through.
  func write<T>(_ body: (PGConnection) throws -> T) throws -> T {
    try lock.withLock {
      if sharingRead {
        throw StoreError.writeFailed(
          path: location,
          reason: "a write was asked inside a shared read (`readingTogether`); nothing was written. Write "
            + "after the read ends")
      }
      var reconnected = false
      while true {
        var committing = false
        do {
          return try connection.transaction(.readCommitted) { db in
            committing = false
            let value = try body(db)
            committing = true
            return value
          }
        } catch let e as PGError {
          if e.kind == .connectionLost, !committing, !reconnected {
            reconnected = true
            do {
              try connection.reconnect()
            } catch let again as PGError {
              throw writeFailure(again, committing: false)
            }
            continue
          }
          throw writeFailure(e, committing: committing)
        }
      }
    }
  }

  /// The ``StoreError/writeFailed`` a client error stands for, naming the server and what to do.
  func writeFailure(_ e: PGError, committing: Bool) -> StoreError {
    let at = "PostgreSQL at \(e.endpoint)"
    let reason: String
    switch (e.kind, e.sqlState) {
    case (.connectionLost, _) where committing:
      reason =
        "lost the connection to \(at) while committing (\(e.message)); the write may or may not have "
        + "been applied. Once the server is back, check with `wangge report`, or send the same events "
        + "again (their ids make a repeat harmless)"
    case (.connectionLost, _), (.connect, _):
      reason =
        "lost the connection to \(at) (\(e.message)) and could not reconnect; nothing of this write was "
        + "applied. Check that the server runs and accepts connections there, then run the command again"
    case (_, "25006"):
      reason =
        "\(at) is read-only (a hot standby, or default_transaction_read_only); nothing was written. Point "
        + "--db at the primary server"
    case (_, "53100"):
      reason = "\(at) has no disk space left; nothing of this write was applied. Free space on the server"
    case (_, "42501"):
      reason =
        "\(at) refused the write: \(e.message); nothing was written. Grant this role INSERT, UPDATE and "
        + "DELETE on the store's tables, or connect as its owner"
    case (_, "40001"), (_, "40P01"):
      reason =
        "\(at) kept reporting conflicts with other writers (\(e.message)) after every retry; nothing of "
        + "this write was applied. Run the command again"
    default:
      reason = "\(e.description); nothing of this write was applied"
    }
    return StoreError.writeFailed(path: location, reason: reason)
  }
}
