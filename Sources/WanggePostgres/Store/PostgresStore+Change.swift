import WanggeStore

extension PostgresStore {
  /// A number that changes whenever any process commits a change to this store: a hash of the
  /// database's change counter (advanced by every statement that changes a data table, see
  /// ``PostgresSchema/changeCounterV4``) and of the transaction ids of this database's writers still
  /// in progress (`pg_stat_activity.backend_xid`). A writer's statements move the counter; its commit
  /// takes its id out of the set, so a poller that read the token before a writer committed sees a
  /// new token after it. Reads, other databases of the server, and a rejected batch that changed no
  /// table leave it alone. The live feed is LISTEN `wangge_change`; this is the cheap poll behind it.
  /// On a hot standby (no NOTIFY, no writers of its own) it is the replayed WAL position instead.
  public func changeToken() throws -> Int64 {
    try lock.withLock {
      // A standby replays the primary's WAL: its position moves with every replayed commit.
      let sql =
        isStandby
        ? PostgresStandby.replayTokenSQL
        : """
        SELECT hashtextextended(
          (SELECT last_value::text || ':' || is_called::text FROM wangge_change_counter) || ':'
            || coalesce((
              SELECT string_agg(backend_xid::text, ',' ORDER BY backend_xid::text) FROM pg_stat_activity
              WHERE datname = current_database() AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()), ''),
          0)
        """
      do {
        return try connection.exec(sql)[0].get(0)
      } catch let e as PGError where e.kind == .connectionLost {
        try connection.reconnect()
        return try connection.exec(sql)[0].get(0)
      }
    }
  }
}
