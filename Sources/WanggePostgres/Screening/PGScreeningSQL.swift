import WanggeCore
import WanggeStore

/// ``ScreeningSQL`` on a libpq connection inside its transaction: `?` placeholders become `$1`…
final class PGScreeningSQL: ScreeningSQL {
  let db: PGConnection
  private var translated: [String: String] = [:]
  init(_ db: PGConnection) { self.db = db }

  /// The statement with `?` numbered (the screening SQL has no `?` inside literals).
  func numbered(_ sql: String) -> String {
    if let t = translated[sql] { return t }
    var out = ""
    var n = 0
    for ch in sql {
      if ch == "?" {
        n += 1
        out += "$\(n)"
      } else {
        out.append(ch)
      }
    }
    translated[sql] = out
    return out
  }

  static func parameters(_ values: [SQLValue]) -> [(any PGBindable)?] {
    values.map { v -> (any PGBindable)? in
      switch v {
      case .int(let i): i
      case .text(let s): s
      case .null: nil
      }
    }
  }

  func execute(_ sql: String, _ arguments: [SQLValue]) throws {
    _ = try db.exec(numbered(sql), Self.parameters(arguments))
  }

  func query(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
    let result = try db.exec(numbered(sql), Self.parameters(arguments))
    return result.map { row in
      (0..<result.columnCount).map { row.text($0).map(SQLValue.text) ?? .null }
    }
  }
}

extension PostgresStore: ScreeningDesk {
  public func withScreeningSQL<T>(write: Bool, _ body: (any ScreeningSQL) throws -> T) throws -> T {
    if write { return try self.write { db in try body(PGScreeningSQL(db)) } }
    return try read { db in try body(PGScreeningSQL(db)) }
  }
}

extension PGEventApplier {
  /// The screening rules on this transaction.
  func screeningRules() -> ScreeningRules {
    ScreeningRules(sql: PGScreeningSQL(db), registry: PostgresRegistryAccess(db))
  }
}
