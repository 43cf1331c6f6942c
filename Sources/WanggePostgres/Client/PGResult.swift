import CLibPQ

/// The rows of one statement's result, in libpq's text format; freed when released.
public final class PGResult: RandomAccessCollection {
  let raw: OpaquePointer
  init(_ raw: OpaquePointer) { self.raw = raw }
  deinit { PQclear(raw) }

  public var startIndex: Int { 0 }
  public var endIndex: Int { Int(PQntuples(raw)) }
  public subscript(position: Int) -> PGRow { PGRow(result: self, index: position) }

  /// How many columns each row has.
  public var columnCount: Int { Int(PQnfields(raw)) }
  /// The name of column `i`.
  public func columnName(_ i: Int) -> String { PQfname(raw, Int32(i)).map { String(cString: $0) } ?? "" }
  /// The index of the column called `name`, if any.
  public func column(named name: String) -> Int? {
    let i = Int(PQfnumber(raw, name))
    return i < 0 ? nil : i
  }
  /// The command tag (`INSERT 0 1`, `COMMIT`, `ROLLBACK`…).
  public var commandStatus: String { String(cString: PQcmdStatus(raw)) }
  /// Rows a command touched (`INSERT`, `UPDATE`, `DELETE`, `COPY`); 0 when it does not say.
  public var affectedRows: Int { Int(String(cString: PQcmdTuples(raw))) ?? 0 }
}

/// One row of a ``PGResult``; columns by position or name, read as any ``PGDecodable`` type.
public struct PGRow {
  let result: PGResult
  let index: Int

  /// The column's text, or nil for SQL NULL.
  public func text(_ column: Int) -> String? {
    guard PQgetisnull(result.raw, Int32(index), Int32(column)) == 0 else { return nil }
    return String(cString: PQgetvalue(result.raw, Int32(index), Int32(column)))
  }

  /// The column read as `T`; throws when it is NULL or not a `T`.
  public func get<T: PGDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T {
    guard let value = try optional(column, as: type) else {
      throw decodeError(column, "is NULL, expected \(T.self)")
    }
    return value
  }

  /// The column read as `T`, or nil for SQL NULL; throws when it is not a `T`.
  public func optional<T: PGDecodable>(_ column: Int, as type: T.Type = T.self) throws -> T? {
    guard let t = text(column) else { return nil }
    guard let value = T(pgText: t) else {
      throw decodeError(column, "holds \"\(t.prefix(40))\", not a \(T.self)")
    }
    return value
  }

  /// The column called `name` read as `T`.
  public func get<T: PGDecodable>(_ name: String, as type: T.Type = T.self) throws -> T {
    try get(try columnIndex(name), as: type)
  }

  /// The column called `name` read as `T`, or nil for SQL NULL.
  public func optional<T: PGDecodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
    try optional(try columnIndex(name), as: type)
  }

  private func columnIndex(_ name: String) throws -> Int {
    guard let i = result.column(named: name) else {
      throw PGError(kind: .decode, endpoint: "result", message: "the result has no column \"\(name)\"")
    }
    return i
  }

  private func decodeError(_ column: Int, _ what: String) -> PGError {
    PGError(
      kind: .decode, endpoint: "result",
      message: "row \(index + 1), column \(result.columnName(column)) \(what)")
  }
}
