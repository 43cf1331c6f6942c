import WanggeStore

extension PostgresTableSink {
  /// A table that a migration after ``PostgresSchema/tablesVersion`` creates (the screening and
  /// meeting tables) does not exist yet while a copy fills the first ones: the remaining migrations
  /// run now (the tables streamed before it are complete, so their indexes are built once), then
  /// its rows are copied into it.
  func createIfLater(_ table: String) throws {
    let exists = try connection.exec("SELECT to_regclass($1) IS NOT NULL", [table])[0].get(0, as: Bool.self)
    if !exists { try PostgresMigrator.apply(connection) }
  }
}

extension PostgresLoad {
  /// The BIGSERIAL columns of tables a copy fills with their ids as they were: each sequence moves
  /// past the highest copied id, so the next baseline, decision or post gets a fresh one.
  static let copiedSerials = [("baseline", "id"), ("decision", "id"), ("duty_post", "id")]

  /// Moves every sequence in ``copiedSerials`` past its table's highest id (tables not there yet are
  /// skipped).
  static func advanceSerials(_ db: PGConnection) throws {
    for (table, column) in copiedSerials {
      let exists = try db.exec("SELECT to_regclass($1) IS NOT NULL", [table])[0].get(0, as: Bool.self)
      guard exists else { continue }
      try db.exec(
        "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), coalesce(max(\(column)), 0) + 1, false) "
          + "FROM \(table)")
    }
  }
}
