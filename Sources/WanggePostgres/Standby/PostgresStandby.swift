import WanggeStore

/// A hot standby (a streaming replica started with `pg_basebackup -R`): boards may read from it, but
/// it refuses every write, NOTIFY does not reach it, and its change token is the replayed WAL position.
enum PostgresStandby {
  /// SQLSTATE 25006 (read_only_sql_transaction): what a standby answers to any write.
  static let readOnlySQLState = "25006"

  /// The change token on a standby: the WAL position replayed so far (bytes since 0/0). It moves with
  /// every replayed commit of the primary (and with its checkpoints and other databases: a refresh
  /// too many, never one too few).
  static let replayTokenSQL =
    "SELECT coalesce(pg_wal_lsn_diff(pg_last_wal_replay_lsn(), '0/0'), 0)::bigint"

  /// Whether the server at the other end of `connection` is in recovery (a standby).
  static func inRecovery(_ connection: PGConnection) throws -> Bool {
    try connection.exec("SELECT pg_is_in_recovery()")[0].get(0, as: Bool.self)
  }

  /// The message for a write sent to a standby.
  static func refusalText(endpoint: String) -> String {
    "the PostgreSQL server at \(endpoint) is a read-only hot standby (a streaming replica in recovery): "
      + "it cannot write; nothing was written. Run writes against the primary server (--db naming the "
      + "primary); boards may keep reading here"
  }

  /// The error for opening a standby to write.
  static func refusal(_ target: PGTarget, endpoint: String) -> StoreError {
    .writeFailed(path: target.display, reason: refusalText(endpoint: endpoint))
  }
}
