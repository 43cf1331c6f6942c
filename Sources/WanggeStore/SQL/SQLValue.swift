/// A value bound to or read from a statement that both engines run (screening, reports).
public enum SQLValue: Sendable, Hashable {
  case int(Int64)
  case text(String)
  case null

  /// The value as an integer (engines that answer in text are parsed).
  public var int: Int64? {
    switch self {
    case .int(let v): v
    case .text(let s): Int64(s)
    case .null: nil
    }
  }
  /// The value as text.
  public var text: String? {
    switch self {
    case .int(let v): String(v)
    case .text(let s): s
    case .null: nil
    }
  }
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
  public init(integerLiteral v: Int64) { self = .int(v) }
  public init(stringLiteral v: String) { self = .text(v) }
  public static func of(_ v: Int64?) -> SQLValue { v.map { .int($0) } ?? .null }
  public static func of(_ v: Bool?) -> SQLValue { v.map { .int($0 ? 1 : 0) } ?? .null }
  public static func of(_ v: String?) -> SQLValue { v.map { .text($0) } ?? .null }
}
