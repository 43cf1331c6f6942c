import GRDB
import WanggeCore
import WanggeStore

/// The report system on SQLite: ``ReportSQL`` over a GRDB connection; the rules are WanggeStore's.
extension SQLiteStore: ReportSQLHost {
  public func reportWrite<T>(_ body: (any ReportSQL) throws -> T) throws -> T {
    try write { db in try body(SQLiteReportSQL(db: db)) }
  }
  public func reportRead<T>(_ body: (any ReportSQL) throws -> T) throws -> T {
    try read { db in try body(SQLiteReportSQL(db: db)) }
  }
}

/// Statements of the report system on one GRDB connection.
struct SQLiteReportSQL: ReportSQL {
  let db: Database

  static func bind(_ args: [SQLValue]) -> StatementArguments {
    StatementArguments(
      args.map { v -> (any DatabaseValueConvertible)? in
        switch v {
        case .int(let i): i
        case .text(let s): s
        case .null: nil
        }
      })
  }

  @discardableResult func run(_ sql: String, _ args: [SQLValue]) throws -> Int {
    try db.execute(sql: sql, arguments: Self.bind(args))
    return db.changesCount
  }

  func rows(_ sql: String, _ args: [SQLValue]) throws -> [[SQLValue]] {
    try Row.fetchAll(db, sql: sql, arguments: Self.bind(args)).map { row in
      (0..<row.count).map { i in
        switch row[i] as DatabaseValue {
        case let v where v.isNull: .null
        case let v:
          switch v.storage {
          case .int64(let n): .int(n)
          case .double(let d): .int(Int64(d))
          case .string(let s): .text(s)
          case .blob: .null
          case .null: .null
          }
        }
      }
    }
  }
}

extension Migrations {
  /// Reports up the chain, spot checks, supervision groups and their rollups (`ReportSchema`).
  static let reportsV10 = ReportSchema.sql(int: "INTEGER", text: "TEXT") + "PRAGMA user_version = 10;\n"
}
