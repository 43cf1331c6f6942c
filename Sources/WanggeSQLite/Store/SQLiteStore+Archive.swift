import GRDB
import WanggeStore

extension SQLiteStore: StoreArchive {
  /// Streams every table in one read snapshot, each value as SQLite stored it.
  @discardableResult
  public func exportTables(into sink: any TableSink) throws -> Int {
    try read { db in
      var total = 0
      for table in StoreTables.all {
        let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
        guard !columns.isEmpty else {
          throw StoreError.notAStore(
            path: path, reason: "has no table \(table); run `wangge migrate` on it first")
        }
        let stream = try sink.rows(of: table, columns: columns)
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(list) FROM \(table)")
        while let row = try cursor.next() {
          for i in 0..<columns.count {
            switch (row[i] as DatabaseValue).storage {
            case .null: stream.putNull()
            case .int64(let v): stream.putInt(v)
            case .double(let d):
              if let v = Int64(exactly: d) { stream.putInt(v) } else { stream.putText(String(d)) }
            case .string(let t): stream.putText(t)
            case .blob(let b): stream.putUTF8([UInt8](b))
            }
          }
          try stream.endRow()
          total += 1
        }
      }
      return total
    }
  }
}
