import WanggeCore
import WanggeStore

/// The report system on PostgreSQL: ``ReportSQL`` over the store's connection (`?` becomes `$n`);
/// report writes take one advisory lock so that new ids (max + 1) never race.
extension PostgresStore: ReportSQLHost {
  static let reportLockKey: Int64 = 0x7761_6E67_6765_0018

  public func reportWrite<T>(_ body: (any ReportSQL) throws -> T) throws -> T {
    try write { db in
      try db.exec("SELECT pg_advisory_xact_lock($1)", [Self.reportLockKey])
      return try body(PGReportSQL(db: db))
    }
  }
  public func reportRead<T>(_ body: (any ReportSQL) throws -> T) throws -> T {
    try read { db in try body(PGReportSQL(db: db)) }
  }
}

/// Statements of the report system on one PostgreSQL connection.
struct PGReportSQL: ReportSQL {
  let db: PGConnection
  var householdTable: String { "household_shown" }

  /// `?` placeholders as `$1`, `$2`… (the report statements hold no `?` in literals).
  static func numbered(_ sql: String) -> String {
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

  static func bind(_ args: [SQLValue]) -> [(any PGBindable)?] {
    args.map { v -> (any PGBindable)? in
      switch v {
      case .int(let i): i
      case .text(let s): s
      case .null: nil
      }
    }
  }

  @discardableResult func run(_ sql: String, _ args: [SQLValue]) throws -> Int {
    try db.exec(Self.numbered(sql), Self.bind(args)).affectedRows
  }

  func rows(_ sql: String, _ args: [SQLValue]) throws -> [[SQLValue]] {
    let result = try db.exec(Self.numbered(sql), Self.bind(args))
    let columns = result.columnCount
    return result.map { row in (0..<columns).map { i in row.text(i).map { SQLValue.text($0) } ?? .null } }
  }
}
