import Foundation
import WanggeCore
import WanggeStore

/// The store on PostgreSQL: many stations on one server. One connection, used under a lock; each
/// read runs in one REPEATABLE READ READ ONLY transaction (one snapshot, like SQLite's `pool.read`).
/// Opening it for writing applies the migrations; `readOnly` only checks them and never writes.
/// Writes (`Write/`) run in READ COMMITTED transactions that lock the rows they change in key order
/// and retry serialization failures and deadlocks inside the engine (see ``write(_:)``).
public final class PostgresStore: @unchecked Sendable {
  /// Where it lives (password masked in `display`).
  public let target: PGTarget
  let connection: PGConnection
  /// Recursive: inside ``readingTogether(_:)`` the thread holding it reads (and asks the change token)
  /// again.
  let lock = NSRecursiveLock()
  /// True while ``readingTogether(_:)`` holds its read transaction open; read and set under `lock`.
  var sharingRead = false
  /// Whether the server is a hot standby (`pg_is_in_recovery()`): it only reads, its change token is
  /// the replayed WAL position and it has no LISTEN feed (NOTIFY is not replicated).
  public let isStandby: Bool

  /// Opens the store at `target`. Throws ``PGError`` when the server cannot be reached, and
  /// `StoreError.newerSchema` / `.notAStore` for a database this binary must not touch.
  public init(_ target: PGTarget, database: String? = nil, readOnly: Bool = false) throws {
    self.target = target
    connection = try PGConnection(target, database: database)
    isStandby = try PostgresStandby.inRecovery(connection)
    if isStandby && !readOnly {
      throw PostgresStandby.refusal(target, endpoint: connection.endpoint)
    }
    // A current schema is not touched (an operator role may not create tables: only the owner migrates).
    let state = try PostgresMigrator.state(of: connection)
    if !readOnly, state != .current { try PostgresMigrator.migrate(connection) }
  }

  /// `host:port` of the server, for messages.
  public var endpoint: String { lock.withLock { connection.endpoint } }

  /// Runs `body` in one read-only snapshot. A dropped connection is brought back once and the read
  /// tried again (a read has no effect to lose).
  func read<T>(_ body: (PGConnection) throws -> T) throws -> T {
    try lock.withLock {
      if sharingRead { return try body(connection) }
      do {
        return try connection.transaction(.repeatableRead, readOnly: true, body)
      } catch let e as PGError where e.kind == .connectionLost {
        try connection.reconnect()
        return try connection.transaction(.repeatableRead, readOnly: true, body)
      }
    }
  }

  /// Runs `body` with this thread's reads in one REPEATABLE READ READ ONLY transaction (see
  /// `Store.readingTogether`); other threads wait for the connection meanwhile, as for any read.
  public func readingTogether<T>(_ body: () throws -> T) throws -> T {
    try lock.withLock {
      if sharingRead { return try body() }
      return try read { _ in
        sharingRead = true
        defer { sharingRead = false }
        return try body()
      }
    }
  }
}
