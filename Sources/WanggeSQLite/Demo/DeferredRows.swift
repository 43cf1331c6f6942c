import GRDB
import WanggeStore

/// Rows of a table that does not exist yet while a demo is filled (a later migration makes it, e.g.
/// the screening tables of `v6-screening`), kept in memory and inserted by ``insert(into:)`` once the
/// migrations have run. Only small tables go this way (the demo's isolation rows: a few per thousand
/// households).
final class DeferredRows: RowStream {
  enum Field {
    case int(Int64)
    case text(String)
    case null
  }

  let table: String
  let columns: [String]
  private var fields: [Field] = []

  init(table: String, columns: [String]) {
    self.table = table
    self.columns = columns
  }

  func putInt(_ value: Int64) { fields.append(.int(value)) }
  func putNull() { fields.append(.null) }
  func putText(_ value: String) { fields.append(.text(value)) }
  func putUTF8(_ bytes: [UInt8]) { fields.append(.text(String(decoding: bytes, as: UTF8.self))) }
  func endRow() throws {}

  /// Inserts the kept rows into the table (now made) on `db`; returns how many.
  @discardableResult func insert(into db: Database) throws -> Int {
    let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
    let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    let insert = try BulkInsert(db, "INSERT INTO \(table)(\(names)) VALUES (\(marks))")
    var rows = 0
    var i = 0
    while i + columns.count <= fields.count {
      for f in fields[i..<(i + columns.count)] {
        switch f {
        case .int(let v): insert.int(v)
        case .text(let s): insert.text(s)
        case .null: insert.optionalInt(nil)
        }
      }
      try insert.run()
      rows += 1
      i += columns.count
    }
    fields = []
    return rows
  }
}
