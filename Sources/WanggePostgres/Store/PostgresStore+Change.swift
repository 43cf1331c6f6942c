import WanggeStore

extension PostgresStore {
  /// A number that changes whenever any process commits a change: a hash of the server's current
  /// snapshot (`xmin:xmax:in-progress ids`). Every commit of a writing transaction changes the
  /// snapshot (its id leaves the in-progress set or moves `xmin`/`xmax`), so a poller that read the
  /// token before a writer committed sees a new token after it; reading takes no lock and writes
  /// nothing (a read gets no transaction id). Writes to other databases of the server change it too
  /// (a harmless extra refresh). The live feed is LISTEN `wangge_change`; this is the cheap poll that
  /// backs it up.
  public func changeToken() throws -> Int64 {
    try lock.withLock {
      let sql = "SELECT hashtextextended(pg_current_snapshot()::text, 0)"
      do {
        return try connection.exec(sql)[0].get(0)
      } catch let e as PGError where e.kind == .connectionLost {
        try connection.reconnect()
        return try connection.exec(sql)[0].get(0)
      }
    }
  }
}
