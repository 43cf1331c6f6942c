import WanggeCore
import WanggeStore

/// The checks `wangge verify` runs on stored values, one query per column, as the SQLite engine's
/// `BoundScan` (the columns are BIGINT here, so only the ranges and lengths can be wrong).
enum PGBoundScan {
  /// A column's check: the table, the SQL naming the row, the column, the allowed range.
  struct Check {
    var table: String
    var key: String
    var column: String
    var range: ClosedRange<Int64>
    var bound: String
    var nullable = false
  }

  static var checks: [Check] {
    let lo = InputBounds.earliestInstant
    let hi = InputBounds.latestInstant
    let times = lo.epochSeconds...hi.epochSeconds
    let timeText =
      "\(InstantFormat.iso(lo)) to \(InstantFormat.iso(hi)) (\(lo.epochSeconds) to \(hi.epochSeconds))"
    let maxWindow = InputBounds.maxTaskWindow.seconds
    let window = "1 to \(maxWindow) seconds (\(maxWindow / 86_400) days)"
    let task = "'task ' || id"
    let assignment = "'task ' || task_id || ' unit ' || unit_id"
    let event = "'event ' || quote_literal(id)"
    return [
      Check(table: "task", key: task, column: "issued_at", range: times, bound: timeText),
      Check(table: "task", key: task, column: "ack_within", range: 1...maxWindow, bound: window),
      Check(table: "task", key: task, column: "finish_within", range: 1...maxWindow, bound: window),
      Check(
        table: "assignment", key: assignment, column: "acked_at", range: times, bound: timeText,
        nullable: true),
      Check(
        table: "assignment", key: assignment, column: "finished_at", range: times, bound: timeText,
        nullable: true),
      Check(table: "event", key: event, column: "at", range: times, bound: timeText),
      Check(table: "event", key: event, column: "recorded_at", range: times, bound: timeText),
      Check(
        table: "visit", key: "'household ' || household_id || ' event ' || quote_literal(event_id)",
        column: "at", range: times, bound: timeText),
      Check(table: "reminder", key: assignment, column: "at", range: times, bound: timeText),
      Check(table: "audit", key: "'audit ' || id", column: "at", range: times, bound: timeText),
      Check(
        table: "help_case", key: "'household ' || household_id", column: "last_visit", range: times,
        bound: timeText, nullable: true),
    ]
  }

  /// Every violation, at most `limit` per check.
  static func violations(_ db: PGConnection, limit: Int = 100) throws -> [BoundViolation] {
    var out: [BoundViolation] = []
    for c in checks {
      let rows = try db.exec(
        """
        SELECT \(c.key), CAST(\(c.column) AS TEXT) FROM \(c.table)
        WHERE \(c.column) < $1 OR \(c.column) > $2 LIMIT $3
        """, [c.range.lowerBound, c.range.upperBound, limit])
      for row in rows {
        out.append(
          BoundViolation(
            table: c.table, key: row.text(0) ?? "?", field: c.column, value: row.text(1) ?? "NULL",
            bound: c.bound))
      }
    }
    for row in try db.exec(
      "SELECT quote_literal(substr(id, 1, 40)), octet_length(id) FROM event WHERE octet_length(id) > $1 LIMIT $2",
      [InputBounds.maxIDBytes, limit])
    {
      out.append(
        BoundViolation(
          table: "event", key: "event \(row.text(0) ?? "?")…", field: "id",
          value: "\(row.text(1) ?? "0") bytes",
          bound: "at most \(InputBounds.maxIDBytes) bytes"))
    }
    for row in try db.exec(
      """
      SELECT 'task ' || task_id || ' unit ' || unit_id, octet_length(result) FROM assignment
      WHERE result IS NOT NULL AND octet_length(result) > $1 LIMIT $2
      """, [InputBounds.maxResultBytes, limit])
    {
      out.append(
        BoundViolation(
          table: "assignment", key: row.text(0) ?? "?", field: "result", value: "\(row.text(1) ?? "0") bytes",
          bound: "at most \(InputBounds.maxResultBytes) bytes"))
    }
    return out
  }
}

extension PostgresStore {
  /// Stored values outside `InputBounds`, by row.
  public func boundViolations() throws -> [BoundViolation] {
    try read { db in try PGBoundScan.violations(db) }
  }

  /// Removes the demo mark (importing real data does this; `wangge init` never sets it).
  public func clearDemoMark() throws {
    try write { db in try db.exec("DELETE FROM meta WHERE key = 'demo'") }
  }
}
