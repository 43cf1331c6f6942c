import CLibPQ
import WanggeStore

extension PostgresStore: StoreArchive {
  /// Streams every table with `COPY … TO STDOUT` in one REPEATABLE READ snapshot, integers as
  /// integers and text as text.
  @discardableResult
  public func exportTables(into sink: any TableSink) throws -> Int {
    try read { db in
      var total = 0
      for table in StoreTables.all {
        let columns = try db.exec(
          """
          SELECT column_name, data_type FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
          """, [table]
        ).map { (try $0.get(0, as: String.self), try $0.get(1, as: String.self)) }
        guard !columns.isEmpty else {
          throw StoreError.notAStore(
            path: target.display, reason: "has no table \(table); run `wangge migrate` on it first")
        }
        let stream = try sink.rows(of: table, columns: columns.map(\.0))
        let isInt = columns.map { ["bigint", "integer", "smallint"].contains($0.1) }
        total += try db.copyOut(
          "COPY \(table)(\(columns.map { "\"\($0.0)\"" }.joined(separator: ", "))) TO STDOUT"
        ) { fields in
          for (i, f) in fields.enumerated() {
            guard let f else {
              stream.putNull()
              continue
            }
            if isInt[i], let v = CopyTextRow.int(f) { stream.putInt(v) } else { stream.putUTF8(f) }
          }
          try stream.endRow()
        }
      }
      return total
    }
  }
}

extension PGConnection {
  /// Runs `COPY … TO STDOUT` (text format) and hands each row's fields to `row` (nil: NULL).
  /// Returns the rows read. If `row` throws, the rest of the COPY is read and dropped, and the
  /// error is rethrown.
  func copyOut(_ sql: String, _ row: ([[UInt8]?]) throws -> Void) throws -> Int {
    try checked(PQexec(handle, sql), accepting: [PGRES_COPY_OUT.rawValue])
    var fields: [[UInt8]?] = []
    var rows = 0
    var failure: Error?
    while true {
      var buffer: UnsafeMutablePointer<CChar>?
      let n = PQgetCopyData(handle, &buffer, 0)
      if n == -1 { break }
      if n == -2 { throw self.failure(nil) }
      guard let buffer else { continue }
      defer { PQfreemem(buffer) }
      if failure != nil { continue }
      var length = Int(n)
      buffer.withMemoryRebound(to: UInt8.self, capacity: length) { p in
        if length > 0, p[length - 1] == UInt8(ascii: "\n") { length -= 1 }
        CopyTextRow.fields(UnsafeBufferPointer(start: p, count: length), into: &fields)
      }
      do {
        try row(fields)
        rows += 1
      } catch {
        failure = error
      }
    }
    var serverError: PGError?
    while let raw = PQgetResult(handle) {
      if PQresultStatus(raw) != PGRES_COMMAND_OK, serverError == nil { serverError = self.failure(raw) }
      PQclear(raw)
    }
    if let failure { throw failure }
    if let serverError { throw serverError }
    return rows
  }
}
