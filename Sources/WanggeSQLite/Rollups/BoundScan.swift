import GRDB
import WanggeCore
import WanggeStore

/// The checks `wangge verify` runs on stored values, one SQL query per column.
enum BoundScan {
  static let checks = StoredBoundCheck.all(quote: "quote")

  /// Every violation, at most `limit` per check.
  static func violations(_ db: Database, limit: Int = 100) throws -> [BoundViolation] {
    var out: [BoundViolation] = []
    for c in checks {
      let present = c.nullable ? "\(c.column) IS NOT NULL AND " : ""
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT \(c.key), CAST(\(c.column) AS TEXT) FROM \(c.table)
          WHERE \(present)(typeof(\(c.column)) != 'integer' OR \(c.column) < ? OR \(c.column) > ?)
          LIMIT ?
          """, arguments: [c.range.lowerBound, c.range.upperBound, limit])
      for row in rows {
        out.append(
          BoundViolation(
            table: c.table, key: row[0] ?? "?", field: c.column, value: row[1] ?? "NULL", bound: c.bound))
      }
    }
    let ids = try Row.fetchAll(
      db,
      sql:
        "SELECT quote(substr(id, 1, 40)), length(CAST(id AS BLOB)) FROM event WHERE length(CAST(id AS BLOB)) > ? LIMIT ?",
      arguments: [InputBounds.maxIDBytes, limit])
    for row in ids {
      out.append(
        BoundViolation(
          table: "event", key: "event \(row[0] as String? ?? "?")…", field: "id",
          value: "\(row[1] as Int64? ?? 0) bytes",
          bound: "at most \(InputBounds.maxIDBytes) bytes"))
    }
    let results = try Row.fetchAll(
      db,
      sql: """
        SELECT 'task ' || task_id || ' unit ' || unit_id, length(CAST(result AS BLOB)) FROM assignment
        WHERE result IS NOT NULL AND length(CAST(result AS BLOB)) > ? LIMIT ?
        """, arguments: [InputBounds.maxResultBytes, limit])
    for row in results {
      out.append(
        BoundViolation(
          table: "assignment", key: row[0], field: "result", value: "\(row[1] as Int64) bytes",
          bound: "at most \(InputBounds.maxResultBytes) bytes"))
    }
    return out
  }
}

extension SQLiteStore {
  public func boundViolations() throws -> [BoundViolation] {
    try read { db in try BoundScan.violations(db) }
  }
}
