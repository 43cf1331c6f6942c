import WanggeStore

/// A whole store written into a PostgreSQL database in one transaction: all or nothing. The tables
/// are created without their indexes and triggers (``PostgresSchema/tablesVersion``), filled with
/// COPY, then the remaining migrations add indexes and the change feed. An existing store is
/// refused without `replace`; with it, it is dropped inside the same transaction, so readers see
/// the old store until the commit and the new one after it.
enum PostgresLoad {
  /// Loads through `fill` (which COPYs the rows with a ``PostgresTableSink`` on the connection it is
  /// given), then runs `derive` (rows computed from the loaded ones), then the other migrations,
  /// then `late` (the rows of tables those migrations create, ``PostgresSchema/lateTables``).
  static func write(
    into connection: PGConnection, replace: Bool, fill: (PGConnection) throws -> Void,
    derive: (PGConnection) throws -> Void = { _ in }, late: (PGConnection) throws -> Void = { _ in }
  ) throws {
    try connection.transaction(maxAttempts: 1) { db in
      try db.exec("SELECT pg_advisory_xact_lock($1)", [PostgresMigrator.lockKey])
      try db.exec("SET LOCAL lock_timeout = '30s'")
      if try PostgresMigrator.state(of: db) != .empty {
        guard replace else { throw StoreError.exists(path: PostgresMigrator.name(of: db)) }
        try dropStore(db)
      }
      try PostgresMigrator.apply(db, upTo: PostgresSchema.tablesVersion)
      try db.execScript(PostgresSchema.censusTablesSQL)  // loaded before migration 10 makes them
      try db.exec("DELETE FROM task_sequence")
      try fill(db)
      try derive(db)
      try PostgresMigrator.apply(db)
      try late(db)
      for table in PostgresSchema.lateIdentityTables {
        try db.exec(
          "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), coalesce(max(id), 0) + 1, false) FROM \(table)"
        )
      }
    }
    try connection.exec("ANALYZE")
  }

  /// Refuses early (before minutes of work) when a store is there and `replace` is not given.
  static func refuseExisting(_ connection: PGConnection, replace: Bool) throws {
    if try PostgresMigrator.state(of: connection) != .empty, !replace {
      throw StoreError.exists(path: PostgresMigrator.name(of: connection))
    }
  }

  /// Drops every Wangge table, the migration ledger and the change-feed function.
  static func dropStore(_ db: PGConnection) throws {
    let tables =
      (PostgresSchema.dataTables + PostgresSchema.censusTables + PostgresSchema.operatorTables
      + PostgresSchema.screeningTables + PostgresSchema.meetingTables + PostgresSchema.orderTables
      + PostgresSchema.reportTables + PostgresSchema.visitTables + PostgresSchema.dutyRollupTables
      + ["wangge_migrations"])
      .joined(separator: ", ")
    let functions = PostgresSchema.storeFunctions.map { "DROP FUNCTION IF EXISTS \($0) CASCADE;" }
    try db.execScript(
      """
      DROP TABLE IF EXISTS \(tables) CASCADE;
      \(functions.joined(separator: "\n"))
      DROP SEQUENCE IF EXISTS wangge_change_counter;
      """)
  }
}
