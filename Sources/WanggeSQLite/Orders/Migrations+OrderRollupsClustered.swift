extension Migrations {
  /// v19-order-rollups-clustered: the orders' per-hour due counts and per-day close buckets stored in key
  /// order (WITHOUT ROWID, as `help_due_hour` and `task_tally` are), so that the overview's order figures
  /// read each place's rows in one run of its key instead of one table lookup per row (the figures of a
  /// city's root and its districts passed ~640 hour rows that way on every refresh).
  static let orderRollupsClusteredV19 = """
    CREATE TABLE order_due_hour_clustered(
      place_id INTEGER NOT NULL, kind TEXT NOT NULL, hour INTEGER NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY(place_id, kind, hour)) WITHOUT ROWID;
    INSERT INTO order_due_hour_clustered SELECT place_id, kind, hour, count FROM order_due_hour;
    DROP TABLE order_due_hour;
    ALTER TABLE order_due_hour_clustered RENAME TO order_due_hour;
    CREATE TABLE order_closed_clustered(
      place_id INTEGER NOT NULL, day INTEGER NOT NULL, bucket INTEGER NOT NULL, count INTEGER NOT NULL,
      PRIMARY KEY(place_id, day, bucket)) WITHOUT ROWID;
    INSERT INTO order_closed_clustered SELECT place_id, day, bucket, count FROM order_closed;
    DROP TABLE order_closed;
    ALTER TABLE order_closed_clustered RENAME TO order_closed;
    PRAGMA user_version = 19;
    """
}
