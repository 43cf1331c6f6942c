import WanggeStore

/// The board's live feed on PostgreSQL: LISTEN `wangge_change` on a connection of its own (the
/// migrations' statement trigger NOTIFYs in every committing transaction), reconnecting with backoff
/// when the server restarts or the network drops.
public final class PostgresChangeFeed: ChangeFeed {
  let listener: PGListener

  /// Listens on the store's database at `target`. Throws ``PGError`` when the server cannot be reached.
  public init(_ target: PGTarget, database: String) throws {
    listener = try PGListener(target, database: database)
  }

  public var endpoint: String { listener.endpoint }

  public func poll() -> ChangeFeedEvent {
    switch listener.next(waitingUpTo: .zero) {
    case .changed: .changed
    case .quiet: .quiet
    case .lost(let why): .lost(why)
    case .reconnected: .reconnected
    }
  }
}

extension PostgresStore {
  /// A live feed of commits on a connection of its own, for one board; none on a hot standby
  /// (NOTIFY is not replicated: the board polls the replayed WAL position).
  public func changeFeed() throws -> (any ChangeFeed)? {
    if isStandby { return nil }
    let name = lock.withLock { connection.database }
    return try PostgresChangeFeed(target, database: name)
  }
}
