/// One stored value outside the bounds the program now enforces where values enter (written by an
/// older binary or by hand), named so a person can find and fix the row.
public struct BoundViolation: Hashable, Sendable, CustomStringConvertible {
  public var table: String
  /// The row, e.g. `task 7` or `task 3 unit 14`.
  public var key: String
  public var field: String
  /// The stored value as SQLite returns it as text.
  public var value: String
  /// What is allowed, e.g. `1 to 2592000 seconds (30 days)`.
  public var bound: String
  public init(table: String, key: String, field: String, value: String, bound: String) {
    self.table = table
    self.key = key
    self.field = field
    self.value = value
    self.bound = bound
  }
  public var description: String { "\(table) \(key) \(field): \(value) is out of bounds (allowed: \(bound))" }
}
