/// One value bound to or read from a statement of ``ScreeningSQL``.
public enum SQLValue: Hashable, Sendable {
  case int(Int64)
  case text(String)
  case null

  /// The value as an integer (a PostgreSQL column comes back as text).
  public var int: Int64? {
    switch self {
    case .int(let i): i
    case .text(let s): Int64(s)
    case .null: nil
    }
  }
  /// The value as text.
  public var text: String? {
    switch self {
    case .int(let i): String(i)
    case .text(let s): s
    case .null: nil
    }
  }
  /// An optional integer.
  public static func of(_ i: Int64?) -> SQLValue { i.map { .int($0) } ?? .null }
}

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
