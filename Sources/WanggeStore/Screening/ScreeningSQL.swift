/// The screening tables' statements run on an engine's connection inside its transaction: SQL that
/// both engines accept (placeholders `?`, `ON CONFLICT … DO UPDATE`, `RETURNING`), so the screening
/// rules and figures are written once (``ScreeningRules``, ``ScreeningQueries``).
public protocol ScreeningSQL: AnyObject {
  /// Runs a statement that returns no rows.
  func execute(_ sql: String, _ arguments: [SQLValue]) throws
  /// Runs a query and returns its rows.
  func query(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]]
}

extension ScreeningSQL {
  /// The first column of the first row as an integer, or nil.
  func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> Int64? {
    try query(sql, arguments).first?.first?.int
  }
}
