import WanggeCore

/// The few things the orders desk needs from an engine's open write (or read) transaction, so the
/// desk's rules and rollups are written once for both engines. Statements use `?` placeholders.
public protocol OrderSQL {
  /// Runs a statement.
  func run(_ sql: String, _ args: [OrderArg]) throws
  /// Runs a query; each value as text (nil for NULL).
  func rows(_ sql: String, _ args: [OrderArg]) throws -> [[String?]]
  /// True on PostgreSQL: rows are locked with `FOR UPDATE` and rollups above a station's scope are
  /// changed through the SECURITY DEFINER functions of migration 11.
  var isPostgres: Bool { get }
}

/// A statement argument.
public enum OrderArg: Sendable, Hashable {
  case int(Int64)
  case text(String)
  case null
}

extension OrderArg: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
  public init(integerLiteral value: Int64) { self = .int(value) }
  public init(stringLiteral value: String) { self = .text(value) }
  static func opt(_ v: Int64?) -> OrderArg { v.map { .int($0) } ?? .null }
  static func opt(_ v: String?) -> OrderArg { v.map { .text($0) } ?? .null }
  static func list(_ ids: [Int64]) -> OrderArg {
    .text("{" + ids.map(String.init).joined(separator: ",") + "}")
  }
}

extension OrderSQL {
  func one(_ sql: String, _ args: [OrderArg]) throws -> [String?]? { try rows(sql, args).first }
  func int(_ sql: String, _ args: [OrderArg]) throws -> Int64 {
    (try one(sql, args)?.first ?? nil).flatMap { Int64($0) } ?? 0
  }
}

/// Turns `?` placeholders into PostgreSQL's `$1, $2 …`.
public enum OrderPlaceholders {
  /// The statement with numbered placeholders.
  public static func numbered(_ sql: String) -> String {
    var out = ""
    var n = 0
    for c in sql {
      if c == "?" {
        n += 1
        out += "$\(n)"
      } else {
        out.append(c)
      }
    }
    return out
  }
}
