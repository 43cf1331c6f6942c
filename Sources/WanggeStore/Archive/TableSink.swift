/// Receives a store's rows table by table, whatever the engine: the demo generator writes through it,
/// and `wangge copy` streams one store into another with it. Each engine writes the rows its own way
/// (SQLite: prepared INSERTs; PostgreSQL: COPY).
public protocol TableSink: AnyObject {
  /// The stream of rows for `table`, each row's fields in `columns` order. Each table is opened at
  /// most once; streams of several tables may be open at the same time (the demo writes them
  /// interleaved, depth first over the tree).
  func rows(of table: String, columns: [String]) throws -> any RowStream
}

/// The rows of one table: add a row's fields in column order, then `endRow()`.
public protocol RowStream: AnyObject {
  /// Adds an integer field.
  func putInt(_ value: Int64)
  /// Adds an SQL NULL.
  func putNull()
  /// Adds a text field.
  func putText(_ value: String)
  /// Adds a text field given as UTF-8 bytes (the buffer may be reused once the call returns).
  func putUTF8(_ bytes: [UInt8])
  /// Ends the row (the engine may store it now or later).
  func endRow() throws
}

extension RowStream {
  /// Adds an integer field.
  @discardableResult public func int(_ value: Int64) -> Self {
    putInt(value)
    return self
  }

  /// Adds an integer field.
  @discardableResult public func int(_ value: Int) -> Self { int(Int64(value)) }

  /// Adds a flag as 0 or 1 (both engines store flags as integers).
  @discardableResult public func bool(_ value: Bool) -> Self { int(Int64(value ? 1 : 0)) }

  /// Adds an integer field or NULL.
  @discardableResult public func optionalInt(_ value: Int64?) -> Self {
    if let value { putInt(value) } else { putNull() }
    return self
  }

  /// Adds a text field.
  @discardableResult public func text(_ value: String) -> Self {
    putText(value)
    return self
  }

  /// Adds a text field or NULL.
  @discardableResult public func optionalText(_ value: String?) -> Self {
    if let value { putText(value) } else { putNull() }
    return self
  }

  /// Adds a text field from UTF-8 bytes.
  @discardableResult public func utf8(_ bytes: [UInt8]) -> Self {
    putUTF8(bytes)
    return self
  }

  /// Ends the row.
  public func run() throws { try endRow() }
}
