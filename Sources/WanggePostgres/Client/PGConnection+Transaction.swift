import Foundation

/// The isolation level of a transaction.
public enum PGIsolation: String, Sendable {
  case readCommitted = "READ COMMITTED"
  case repeatableRead = "REPEATABLE READ"
  case serializable = "SERIALIZABLE"
}

extension PGConnection {
  /// Runs `body` in one transaction and commits it. A serialization failure (40001) or a deadlock
  /// (40P01), in the body or at commit, rolls back and runs the body again (up to `maxAttempts`, with
  /// a short growing pause), so callers never see them. Any other error rolls back and is thrown.
  /// `body` may run more than once: it must not keep effects outside the transaction.
  public func transaction<T>(
    _ isolation: PGIsolation = .readCommitted, readOnly: Bool = false, maxAttempts: Int = 12,
    _ body: (PGConnection) throws -> T
  ) throws -> T {
    guard !inTransaction else {
      throw PGError(
        kind: .misuse, endpoint: endpoint, message: "a transaction is already open on this connection")
    }
    var attempt = 1
    while true {
      do {
        try exec("BEGIN ISOLATION LEVEL \(isolation.rawValue)\(readOnly ? " READ ONLY" : "")")
        let value = try body(self)
        let commit = try exec("COMMIT")
        if commit.commandStatus == "ROLLBACK" {
          // The body swallowed an error: the server rolled back instead of committing.
          throw PGError(
            kind: .misuse, endpoint: endpoint,
            message: "a statement of the transaction failed and was caught, so the server rolled it back")
        }
        lastTransactionAttempts = attempt
        return value
      } catch let error as PGError {
        if isConnected, inTransaction { _ = try? exec("ROLLBACK") }
        guard error.isRetryable, attempt < maxAttempts else {
          lastTransactionAttempts = attempt
          throw error
        }
        attempt += 1
        Thread.sleep(forTimeInterval: PGConnection.backoff(attempt: attempt))
      } catch {
        if isConnected, inTransaction { _ = try? exec("ROLLBACK") }
        lastTransactionAttempts = attempt
        throw error
      }
    }
  }

  /// The pause before attempt `attempt` (≥ 2): 1, 2, 4… ms up to 50 ms, with jitter so that two
  /// writers that collided do not collide again in step.
  static func backoff(attempt: Int) -> TimeInterval {
    let base = min(0.050, 0.001 * Double(1 << min(attempt - 2, 6)))
    return base * Double.random(in: 0.5...1.5)
  }
}
