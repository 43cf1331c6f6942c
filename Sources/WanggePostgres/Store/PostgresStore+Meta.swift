import WanggeStore

extension PostgresStore {
  /// Where the store is, as the user named it, without its password.
  public var location: String { target.display }

  /// A short name for the board's header: database and host (`grid@db.city:5432`).
  public var label: String {
    lock.withLock { "\(connection.database)@\(connection.endpoint)" }
  }

  /// A value from the `meta` table (e.g. `preset`, `anchor`).
  public func meta(_ key: String) throws -> String? {
    try read { db in try db.exec("SELECT value FROM meta WHERE key = $1", [key]).first?.get(0) }
  }

  /// True when `wangge demo` made this store (its `demo` mark): the only stores the simulator runs on.
  public func isDemo() throws -> Bool { try meta("demo") == "1" }
}
