import GRDB
import WanggeStore

/// The SQLite engine's ``TableSink``: one prepared INSERT per table (a ``BulkInsert``), run in the
/// caller's transaction, so a row is stored as soon as it ends.
final class SQLiteTableSink: TableSink {
  let db: Database
  /// Tables opened so far, in order.
  private(set) var tables: [String] = []

  /// Tables a later migration makes: their rows are kept (``DeferredRows``) until ``insertDeferred(into:)``.
  let deferring: Set<String>
  private(set) var deferred: [DeferredRows] = []

  init(_ db: Database, deferring: Set<String> = []) {
    self.db = db
    self.deferring = deferring
  }

  /// Inserts the rows of the deferred tables (call once the migrations have made them).
  func insertDeferred(into db: Database) throws {
    for rows in deferred { try rows.insert(into: db) }
    deferred = []
  }

  func rows(of table: String, columns: [String]) throws -> any RowStream {
    guard StoreTables.all.contains(table) else {
      throw StoreError.notAStore(path: table, reason: "is not a table of the Wangge store contract")
    }
    if deferring.contains(table) {
      let rows = DeferredRows(table: table, columns: columns)
      deferred.append(rows)
      return rows
    }
    tables.append(table)
    let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    return try BulkInsert(db, "INSERT INTO \(table)(\(names)) VALUES (\(marks))")
  }
}

extension BulkInsert: RowStream {
  func putInt(_ value: Int64) { int(value) }
  func putNull() { optionalInt(nil) }
  func putText(_ value: String) { text(value) }
  func putUTF8(_ bytes: [UInt8]) { utf8(bytes) }
  func endRow() throws { try run() }
}
