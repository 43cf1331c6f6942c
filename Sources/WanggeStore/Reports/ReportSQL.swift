/// The engine side of the report system: statements in the common SQL of both engines, with `?`
/// placeholders, run inside the engine's current transaction. The report rules themselves live once,
/// in ``ReportLedger``; an engine supplies only this.
public protocol ReportSQL {
  /// Runs a statement; returns the rows it changed.
  @discardableResult func run(_ sql: String, _ args: [SQLValue]) throws -> Int
  /// Runs a query; returns its rows.
  func rows(_ sql: String, _ args: [SQLValue]) throws -> [[SQLValue]]
  /// Where household rows with their phone are read (PostgreSQL: the masked `household_shown` view,
  /// since no operator role may read `household.phone`).
  var householdTable: String { get }
}

extension ReportSQL {
  public var householdTable: String { "household" }
  /// The first column of the first row as an integer (nil: no row or NULL).
  func int(_ sql: String, _ args: [SQLValue] = []) throws -> Int64? { try rows(sql, args).first?.first?.int }
}

/// An engine that runs ``ReportSQL`` in a write or a read transaction; conforming gives it the whole
/// ``ReportDesk`` (the shared implementation below).
public protocol ReportSQLHost: ReportDesk {
  func reportWrite<T>(_ body: (any ReportSQL) throws -> T) throws -> T
  func reportRead<T>(_ body: (any ReportSQL) throws -> T) throws -> T
}
