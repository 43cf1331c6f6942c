import CLibPQ

extension PGConnection {
  /// Bulk-loads rows with `COPY … FROM STDIN` (text format): `sql` is the COPY statement, `write`
  /// adds the rows to a ``PGCopyWriter``. Returns the rows the server stored. If `write` throws, the
  /// COPY is cancelled (nothing of it is stored) and the error is rethrown.
  @discardableResult
  public func copyIn(_ sql: String, _ write: (PGCopyWriter) throws -> Void) throws -> Int {
    let start = PQexec(handle, sql)
    let started = try checked(start, accepting: [PGRES_COPY_IN.rawValue])
    guard PQresultStatus(started.raw) == PGRES_COPY_IN else {
      throw PGError(kind: .misuse, endpoint: endpoint, message: "not a COPY … FROM STDIN statement: \(sql)")
    }
    let writer = PGCopyWriter(self)
    do {
      try write(writer)
      try writer.flush()
    } catch {
      _ = PQputCopyEnd(handle, "cancelled by wangge: \(error)")
      drainResults()
      throw error
    }
    guard PQputCopyEnd(handle, nil) == 1 else { throw failure(nil) }
    var rows = 0
    var firstError: PGError?
    while let raw = PQgetResult(handle) {
      if PQresultStatus(raw) == PGRES_COMMAND_OK {
        rows = PGResult(raw).affectedRows
      } else if firstError == nil {
        firstError = failure(raw)
        PQclear(raw)
      } else {
        PQclear(raw)
      }
    }
    if let firstError { throw firstError }
    return rows
  }

  /// Reads and drops every pending result (after a cancelled COPY).
  func drainResults() {
    while let raw = PQgetResult(handle) { PQclear(raw) }
  }

  /// Sends `bytes` as COPY data.
  func putCopyData(_ bytes: UnsafeBufferPointer<UInt8>) throws {
    let ok = bytes.withMemoryRebound(to: CChar.self) { b in
      PQputCopyData(handle, b.baseAddress, Int32(b.count))
    }
    guard ok == 1 else { throw failure(nil) }
  }
}

/// Rows for `COPY … FROM STDIN` in text format, sent to the server in 256 KiB chunks: call `add`
/// for each field of a row (in the COPY's column order), then `endRow`.
public final class PGCopyWriter {
  private unowned let connection: PGConnection
  private var buffer: [UInt8] = []
  private var fieldsInRow = 0
  /// Rows ended so far.
  public private(set) var rows = 0
  private static let chunk = 1 << 18

  init(_ connection: PGConnection) {
    self.connection = connection
    buffer.reserveCapacity(PGCopyWriter.chunk + 4096)
  }

  /// Adds an integer field.
  public func add(_ value: Int64) {
    separate()
    buffer.append(contentsOf: String(value).utf8)
  }

  /// Adds an integer field.
  public func add(_ value: Int) { add(Int64(value)) }

  /// Adds a text field (nil: SQL NULL), escaping backslashes, tabs and line breaks.
  public func add(_ value: String?) {
    separate()
    guard let value else {
      buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "N")])
      return
    }
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\\"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
      case UInt8(ascii: "\t"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
      case UInt8(ascii: "\n"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
      case UInt8(ascii: "\r"): buffer.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
      default: buffer.append(byte)
      }
    }
  }

  /// Adds any bindable field (nil: SQL NULL).
  public func add(_ value: (any PGBindable)?) { add(value?.pgText) }

  /// Adds a whole row of fields.
  public func row(_ fields: [(any PGBindable)?]) throws {
    for f in fields { add(f) }
    try endRow()
  }

  /// Ends the current row; sends a chunk when the buffer is full.
  public func endRow() throws {
    buffer.append(UInt8(ascii: "\n"))
    fieldsInRow = 0
    rows += 1
    if buffer.count >= PGCopyWriter.chunk { try flush() }
  }

  func flush() throws {
    guard !buffer.isEmpty else { return }
    try buffer.withUnsafeBufferPointer { try connection.putCopyData($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  private func separate() {
    if fieldsInRow > 0 { buffer.append(UInt8(ascii: "\t")) }
    fieldsInRow += 1
  }
}
