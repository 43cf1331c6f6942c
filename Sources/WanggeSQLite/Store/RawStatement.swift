import WanggeStore
import GRDB
import GRDBSQLite

/// A prepared statement driven through the SQLite C API, for the per-event hot path of ingest
/// (acknowledgements at 100,000 a second), where GRDB's generic row decoding would dominate.
final class RawStatement {
  private let statement: Statement
  private let handle: OpaquePointer
  private let connection: OpaquePointer?
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ db: Database, _ sql: String) throws {
    statement = try db.makeStatement(sql: sql)
    handle = statement.sqliteStatement
    connection = db.sqliteConnection
  }

  /// A statement from the connection's cache: prepared once per connection, reset before use.
  /// For read paths that run the same few statements on every refresh.
  init(cached db: Database, _ sql: String) throws {
    statement = try db.cachedStatement(sql: sql)
    handle = statement.sqliteStatement
    connection = db.sqliteConnection
    sqlite3_reset(handle)
  }

  /// Binds parameters by position (Int64, String or nil).
  func bind(_ values: [Int64?]) {
    sqlite3_reset(handle)
    for (i, v) in values.enumerated() {
      if let v {
        sqlite3_bind_int64(handle, Int32(i + 1), v)
      } else {
        sqlite3_bind_null(handle, Int32(i + 1))
      }
    }
  }

  /// Binds one integer by position (1-based), without resetting: call `reset()` first.
  func bindInt(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }

  /// Binds UTF-8 bytes by position without SQLite copying them: valid only while `bytes` is, so
  /// use it inside `withUTF8` and step there (see `runBindingTexts`).
  private func bindBorrowed(_ index: Int32, _ bytes: UnsafeBufferPointer<UInt8>) {
    // An empty buffer may have no base address; SQLite reads a null pointer as NULL, not "".
    _ = sqlite3_bind_text(handle, index, bytes.baseAddress ?? Self.empty, Int32(bytes.count), nil)
  }
  // Written once, read only: a one-byte "" that outlives every binding.
  nonisolated(unsafe) private static let empty: UnsafePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 0)
    return UnsafePointer(p)
  }()

  /// Binds three texts at 2, 3 and 4 in place (no copies) and runs the statement (the integers are
  /// bound by the caller first); the text bindings are cleared before returning.
  func runBindingTexts(_ a: String, _ b: String, _ c: String) throws {
    var (a, b, c) = (a, b, c)
    defer {
      sqlite3_bind_null(handle, 2)
      sqlite3_bind_null(handle, 3)
      sqlite3_bind_null(handle, 4)
    }
    try a.withUTF8 { pa in
      try b.withUTF8 { pb in
        try c.withUTF8 { pc in
          bindBorrowed(2, pa)
          bindBorrowed(3, pb)
          bindBorrowed(4, pc)
          try run()
        }
      }
    }
  }

  func bindText(_ index: Int32, _ text: String?) {
    guard var text else {
      sqlite3_bind_null(handle, index)
      return
    }
    text.withUTF8 { p in _ = sqlite3_bind_text(handle, index, p.baseAddress, Int32(p.count), Self.transient) }
  }

  /// Steps once: true when a row is available (read it with `int(_:)`).
  func step() throws -> Bool {
    let rc = sqlite3_step(handle)
    if rc == SQLITE_ROW { return true }
    guard rc == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(connection)))
    }
    return false
  }

  /// Runs a statement that returns no row; returns how many rows it changed.
  @discardableResult func run() throws -> Int {
    _ = try step()
    sqlite3_reset(handle)
    return Int(sqlite3_changes(connection))
  }

  /// Column `index` of the current row (nil for NULL).
  func int(_ index: Int32) -> Int64? {
    sqlite3_column_type(handle, index) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, index)
  }

  /// Column `index` of the current row as text (nil for NULL).
  func text(_ index: Int32) -> String? {
    guard let p = sqlite3_column_text(handle, index) else { return nil }
    return String(cString: p)
  }

  func reset() { sqlite3_reset(handle) }
}
