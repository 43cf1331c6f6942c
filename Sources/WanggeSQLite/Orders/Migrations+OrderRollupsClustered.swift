extension Migrations {
  /// v19-order-rollups-clustered: the orders' per-hour due counts and per-day close buckets stored in key
  /// order (WITHOUT ROWID, as `help_due_hour` and `task_tally` are), so that the overview's order figures
  /// read each place's rows in one run of its key instead of one table lookup per row (the figures of a
  /// city's root and its districts passed ~640 hour rows that way on every refresh).
  static let orderRollupsClusteredV19 =
    clustered(
      "order_due_hour", "place_id INTEGER NOT NULL, kind TEXT NOT NULL, hour INTEGER NOT NULL",
      "place_id, kind, hour")
    + clustered(
      "order_closed", "place_id INTEGER NOT NULL, day INTEGER NOT NULL, bucket INTEGER NOT NULL",
      "place_id, day, bucket")
    + "PRAGMA user_version = 19;\n"

  /// Rebuilds `table` (its `key` columns, then `count`) as WITHOUT ROWID, keeping its rows.
  private static func clustered(_ table: String, _ keyColumns: String, _ key: String) -> String {
    """
    CREATE TABLE \(table)_clustered(
      \(keyColumns), count INTEGER NOT NULL,
      PRIMARY KEY(\(key))) WITHOUT ROWID;
    INSERT INTO \(table)_clustered SELECT \(key), count FROM \(table);
    DROP TABLE \(table);
    ALTER TABLE \(table)_clustered RENAME TO \(table);

    """
  }
}
