import GRDB
import WanggeStore

/// The orders desk's statements on a GRDB connection (inside the caller's transaction).
struct SQLiteOrderSQL: OrderSQL {
  let db: Database
  var isPostgres: Bool { false }

  private func arguments(_ args: [OrderArg]) -> StatementArguments {
    StatementArguments(
      args.map { a -> (any DatabaseValueConvertible)? in
        switch a {
        case .int(let i): i
        case .text(let s): s
        case .null: nil
        }
      })
  }

  func run(_ sql: String, _ args: [OrderArg]) throws {
    try db.execute(sql: sql, arguments: arguments(args))
  }

  /// Reads use the connection's statement cache: their texts are fixed (lists of ids are written only
  /// by `run`), and the overview asks for the figures of every child on each refresh.
  func rows(_ sql: String, _ args: [OrderArg]) throws -> [[String?]] {
    try Row.fetchAll(db.cachedStatement(sql: sql), arguments: arguments(args)).map { row in
      row.databaseValues.map { v in
        switch v.storage {
        case .null: nil
        case .int64(let i): String(i)
        case .double(let d): String(Int64(d))
        case .string(let s): s
        case .blob: nil
        }
      }
    }
  }
}
