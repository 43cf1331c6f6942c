import WanggeCore

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

/// One column check of the stored-values scan (`wangge verify`): the table, the SQL naming the row,
/// the column and its allowed range. Engines run the checks with their own SQL.
public struct StoredBoundCheck: Sendable {
  public var table: String
  /// An SQL expression naming the row ("'task ' || id").
  public var key: String
  public var column: String
  public var range: ClosedRange<Int64>
  /// The range as people read it, for the message.
  public var bound: String
  public var nullable = false

  /// Every column check, with `quote` the engine's SQL function that quotes a text literal
  /// (`quote` in SQLite, `quote_literal` in PostgreSQL).
  public static func all(quote: String) -> [StoredBoundCheck] {
    let lo = InputBounds.earliestInstant
    let hi = InputBounds.latestInstant
    let times = lo.epochSeconds...hi.epochSeconds
    let timeText =
      "\(InstantFormat.iso(lo)) to \(InstantFormat.iso(hi)) (\(lo.epochSeconds) to \(hi.epochSeconds))"
    let maxWindow = InputBounds.maxTaskWindow.seconds
    let window = "1 to \(maxWindow) seconds (\(maxWindow / 86_400) days)"
    let task = "'task ' || id"
    let assignment = "'task ' || task_id || ' unit ' || unit_id"
    let event = "'event ' || \(quote)(id)"
    func check(_ table: String, _ key: String, _ column: String, nullable: Bool = false) -> StoredBoundCheck {
      StoredBoundCheck(
        table: table, key: key, column: column, range: times, bound: timeText, nullable: nullable)
    }
    return [
      check("task", task, "issued_at"),
      StoredBoundCheck(table: "task", key: task, column: "ack_within", range: 1...maxWindow, bound: window),
      StoredBoundCheck(
        table: "task", key: task, column: "finish_within", range: 1...maxWindow, bound: window),
      check("assignment", assignment, "acked_at", nullable: true),
      check("assignment", assignment, "finished_at", nullable: true),
      check("event", event, "at"),
      check("event", event, "recorded_at"),
      check("visit", "'household ' || household_id || ' event ' || \(quote)(event_id)", "at"),
      check("reminder", assignment, "at"),
      check("audit", "'audit ' || id", "at"),
      check("help_case", "'household ' || household_id", "last_visit", nullable: true),
    ]
  }
}
