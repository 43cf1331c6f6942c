import WanggeStore
import GRDB
import GRDBSQLite

/// A prepared INSERT bound through the SQLite C API, for the bulk paths where GRDB's argument
/// boxing would cost a quarter of the run. Values are bound by position, then `run()` inserts the row.
final class BulkInsert {
  private let statement: Statement
  private let handle: OpaquePointer
  private var index: Int32 = 0
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  init(_ db: Database, _ sql: String) throws {
    statement = try db.makeStatement(sql: sql)
    handle = statement.sqliteStatement
  }

  @discardableResult func int(_ v: Int64) -> BulkInsert {
    index += 1
    sqlite3_bind_int64(handle, index, v)
    return self
  }

  @discardableResult func int(_ v: Int) -> BulkInsert { int(Int64(v)) }

  @discardableResult func bool(_ v: Bool) -> BulkInsert { int(Int64(v ? 1 : 0)) }

  @discardableResult func optionalInt(_ v: Int64?) -> BulkInsert {
    guard let v else {
      index += 1
      sqlite3_bind_null(handle, index)
      return self
    }
    return int(v)
  }

  @discardableResult func text(_ s: String) -> BulkInsert {
    index += 1
    var s = s
    let i = index
    s.withUTF8 { p in _ = sqlite3_bind_text(handle, i, p.baseAddress, Int32(p.count), Self.transient) }
    return self
  }

  /// Binds UTF-8 bytes (copied by SQLite at once, so the buffer may be reused).
  @discardableResult func utf8(_ bytes: [UInt8]) -> BulkInsert {
    index += 1
    let i = index
    bytes.withUnsafeBufferPointer { p in
      _ = sqlite3_bind_text(handle, i, p.baseAddress, Int32(p.count), Self.transient)
    }
    return self
  }

  @discardableResult func optionalText(_ s: String?) -> BulkInsert {
    guard let s else {
      index += 1
      sqlite3_bind_null(handle, index)
      return self
    }
    return text(s)
  }

  /// Inserts the row bound so far and resets for the next one.
  func run() throws {
    let rc = sqlite3_step(handle)
    sqlite3_reset(handle)
    index = 0
    guard rc == SQLITE_DONE else {
      throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errstr(rc)))
    }
  }
}
