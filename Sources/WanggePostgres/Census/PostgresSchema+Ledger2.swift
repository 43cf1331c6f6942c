extension PostgresSchema {
  /// Migration 17 (v17-ledger2): a station may delete a household's census check, which a move-out
  /// (or a family moving into a vacant room) does in the same transaction as the household row.
  static let ledger2V17 = """
    GRANT DELETE ON census_check TO wangge_station;
    """
}
