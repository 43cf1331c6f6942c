import CLibPQ
import Foundation
import WanggeStore

/// The PostgreSQL engine's ``TableSink``: one `COPY table(columns) FROM STDIN` (text format) per
/// table stream, on the connection of the loading transaction.
///
/// Two ways, chosen by the caller:
/// - `direct`: each stream is a COPY in progress; opening the next table ends the previous one
///   (for `wangge copy`, whose source streams one table after another).
/// - `spooled`: streams may be open together (the demo writes them interleaved), so each goes to
///   an unlinked owner-only temporary file, and ``finish()`` COPYs them one after another.
/// Memory stays constant either way. Tables a later migration creates (``PostgresSchema/lateTables``)
/// are spooled in either mode and COPYed by ``finishLate()``, once the migrations have made them.
final class PostgresTableSink: TableSink {
  enum Mode { case direct, spooled }

  let connection: PGConnection
  let mode: Mode
  private var current: DirectCopy?
  private var spools: [SpooledRows] = []
  private var late: [SpooledRows] = []
  /// Rows stored so far by finished streams.
  private(set) var rowsStored = 0

  init(_ connection: PGConnection, mode: Mode) {
    self.connection = connection
    self.mode = mode
  }

  deinit { for s in spools + late { s.closeFile() } }

  func rows(of table: String, columns: [String]) throws -> any RowStream {
    guard StoreTables.all.contains(table) else {
      throw StoreError.notAStore(path: table, reason: "is not a table of the Wangge store contract")
    }
    let sql = "COPY \(table)(\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) FROM STDIN"
    if PostgresSchema.lateTables.contains(table) {
      let spool = try SpooledRows(table: table, sql: sql)
      late.append(spool)
      return spool
    }
    switch mode {
    case .direct:
      try endCurrent()
      try createIfLater(table)
      let copy = try DirectCopy(connection, sql: sql)
      current = copy
      return copy
    case .spooled:
      let spool = try SpooledRows(table: table, sql: sql)
      spools.append(spool)
      return spool
    }
  }

  /// Ends the COPY in progress (direct) or COPYs every spooled table (spooled), in the order the
  /// tables were opened. Returns the rows stored in all.
  @discardableResult func finish() throws -> Int {
    try endCurrent()
    for spool in spools {
      rowsStored += try spool.copy(into: connection)
    }
    return rowsStored
  }

  /// COPYs the spooled rows of the tables later migrations create (call after them). Returns the
  /// rows stored in all.
  @discardableResult func finishLate() throws -> Int {
    for spool in late {
      rowsStored += try spool.copy(into: connection)
    }
    return rowsStored
  }

  /// Cancels a COPY in progress (after an error), so the connection can roll back.
  func abort() {
    if let c = current {
      current = nil
      c.cancel()
    }
  }

  private func endCurrent() throws {
    if let c = current {
      current = nil
      rowsStored += try c.end()
    }
  }
}

/// A COPY FROM STDIN in progress: rows are buffered and sent in 256 KiB chunks.
final class DirectCopy: RowStream {
  private let connection: PGConnection
  private var buffer = CopyTextBuffer(capacity: DirectCopy.chunk + 4096)
  private var ended = false
  private static let chunk = 1 << 18

  init(_ connection: PGConnection, sql: String) throws {
    self.connection = connection
    try connection.startCopyIn(sql)
  }

  func putInt(_ value: Int64) { buffer.int(value) }
  func putNull() { buffer.null() }
  func putText(_ value: String) { buffer.text(value) }
  func putUTF8(_ bytes: [UInt8]) { buffer.utf8(bytes) }

  func endRow() throws {
    guard !ended else {
      throw PGError(kind: .misuse, endpoint: connection.endpoint, message: "row added after its COPY ended")
    }
    buffer.endRow()
    if buffer.bytes.count >= Self.chunk { try flush() }
  }

  private func flush() throws {
    guard !buffer.bytes.isEmpty else { return }
    try buffer.bytes.withUnsafeBufferPointer { try connection.putCopyData($0) }
    buffer.bytes.removeAll(keepingCapacity: true)
  }

  /// Cancels the COPY (nothing of it is stored).
  func cancel() {
    guard !ended else { return }
    ended = true
    connection.cancelCopyIn("an error stopped the load")
  }

  /// Sends the rest and ends the COPY; returns the rows the server stored.
  func end() throws -> Int {
    ended = true
    try flush()
    return try connection.endCopyIn()
  }
}

/// One table's rows in COPY text, written to an unlinked owner-only temporary file.
final class SpooledRows: RowStream {
  let table: String
  let sql: String
  private var fd: Int32
  private var buffer = CopyTextBuffer(capacity: SpooledRows.chunk + 4096)
  private var writeError: Int32 = 0
  private static let chunk = 1 << 20

  init(table: String, sql: String) throws {
    self.table = table
    self.sql = sql
    let dir = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array((dir + "/wangge-copy-\(table)-XXXXXX").utf8CString)
    fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      throw StoreError.writeFailed(
        path: dir,
        reason:
          "no temporary file for the rows of \(table) (\(String(cString: strerror(errno)))); set TMPDIR "
          + "to a writable folder with room")
    }
    fchmod(fd, 0o600)
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
  }

  func putInt(_ value: Int64) { buffer.int(value) }
  func putNull() { buffer.null() }
  func putText(_ value: String) { buffer.text(value) }
  func putUTF8(_ bytes: [UInt8]) { buffer.utf8(bytes) }

  func endRow() throws {
    buffer.endRow()
    if buffer.bytes.count >= Self.chunk { try flush() }
  }

  private func flush() throws {
    var offset = 0
    try buffer.bytes.withUnsafeBytes { p in
      while offset < p.count {
        let n = write(fd, p.baseAddress! + offset, p.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          throw StoreError.writeFailed(
            path: "temporary file",
            reason:
              "the rows of \(table) could not be spooled (\(String(cString: strerror(errno)))); nothing "
              + "was stored. Free space in TMPDIR and run it again")
        }
        offset += n
      }
    }
    buffer.bytes.removeAll(keepingCapacity: true)
  }

  /// COPYs the spooled rows into `connection` (from the file's start, so it may run again).
  func copy(into connection: PGConnection) throws -> Int {
    try flush()
    guard lseek(fd, 0, SEEK_SET) == 0 else {
      throw StoreError.writeFailed(path: "temporary file", reason: String(cString: strerror(errno)))
    }
    try connection.startCopyIn(sql)
    var chunk = [UInt8](repeating: 0, count: Self.chunk)
    while true {
      let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        connection.cancelCopyIn("spool read failed")
        throw StoreError.writeFailed(path: "temporary file", reason: String(cString: strerror(errno)))
      }
      if n == 0 { break }
      try chunk.withUnsafeBufferPointer {
        try connection.putCopyData(UnsafeBufferPointer(rebasing: $0[0..<n]))
      }
    }
    return try connection.endCopyIn()
  }

  func closeFile() {
    if fd >= 0 { close(fd) }
    fd = -1
  }
}

extension PGConnection {
  /// Starts `COPY … FROM STDIN`; send rows with ``putCopyData(_:)``, then ``endCopyIn()``.
  func startCopyIn(_ sql: String) throws {
    let started = try checked(PQexec(handle, sql), accepting: [PGRES_COPY_IN.rawValue])
    guard PQresultStatus(started.raw) == PGRES_COPY_IN else {
      throw PGError(kind: .misuse, endpoint: endpoint, message: "not a COPY … FROM STDIN statement: \(sql)")
    }
  }

  /// Ends the COPY in progress; returns the rows the server stored, or throws its error.
  func endCopyIn() throws -> Int {
    guard PQputCopyEnd(handle, nil) == 1 else { throw failure(nil) }
    var rows = 0
    var firstError: PGError?
    while let raw = PQgetResult(handle) {
      if PQresultStatus(raw) == PGRES_COMMAND_OK {
        rows = PGResult(raw).affectedRows
      } else {
        if firstError == nil { firstError = failure(raw) }
        PQclear(raw)
      }
    }
    if let firstError { throw firstError }
    return rows
  }

  /// Cancels the COPY in progress (nothing of it is stored).
  func cancelCopyIn(_ why: String) {
    _ = PQputCopyEnd(handle, "cancelled by wangge: \(why)")
    drainResults()
  }
}
