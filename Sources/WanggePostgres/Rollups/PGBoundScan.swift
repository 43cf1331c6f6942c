import WanggeCore
import WanggeStore

/// The checks `wangge verify` runs on stored values, one query per column, as the SQLite engine's
/// `BoundScan` (the columns are BIGINT here, so only the ranges and lengths can be wrong).
enum PGBoundScan {
  static let checks = StoredBoundCheck.all(quote: "quote_literal")

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
