import GRDB
import WanggeCore
import WanggeStore

/// ``ScreeningSQL`` on a GRDB connection inside its transaction (statements cached per connection).
final class GRDBScreeningSQL: ScreeningSQL {
  let db: Database
  init(_ db: Database) { self.db = db }

  static func arguments(_ values: [SQLValue]) -> StatementArguments {
    StatementArguments(
      values.map { v -> (any DatabaseValueConvertible)? in
        switch v {
        case .int(let i): i
        case .text(let s): s
        case .null: nil
        }
      })
  }

  func execute(_ sql: String, _ arguments: [SQLValue]) throws {
    try db.cachedStatement(sql: sql).execute(arguments: Self.arguments(arguments))
  }

  func query(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
    try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map { row in
      row.databaseValues.map { v -> SQLValue in
        switch v.storage {
        case .int64(let i): .int(i)
        case .string(let s): .text(s)
        case .double(let d): .int(Int64(d))
        case .null, .blob: .null
        }
      }
    }
  }
}

extension SQLiteStore: ScreeningDesk {
  public func withScreeningSQL<T>(write: Bool, _ body: (any ScreeningSQL) throws -> T) throws -> T {
    if write { return try self.write { db in try body(GRDBScreeningSQL(db)) } }
    return try read { db in try body(GRDBScreeningSQL(db)) }
  }
}

extension EventApplier {
  /// The screening rules on this transaction.
  mutating func screeningRules() throws -> ScreeningRules {
    if let r = screening { return r }
    let r = ScreeningRules(sql: GRDBScreeningSQL(db), registry: try SQLiteRegistryAccess(db))
    screening = r
    return r
  }

  /// A screening or isolation event: checked against the store, its id recorded, then applied.
  mutating func applyScreening(_ event: GridEvent, _ e: ScreeningEvent, recordedAt: Instant) throws {
    try EventWindow.check(event.at, recordedAt: recordedAt)
    let rules = try screeningRules()
    let unit = try rules.unit(of: e)
    guard try raw.recordEvent(event, recordedAt: recordedAt, source: source, place: unit) else {
      summary.duplicates += 1
      return
    }
    if try rules.apply(e, eventID: event.id, at: event.at, operator: source) {
      summary.applied += 1
    } else {
      summary.noEffect += 1
    }
  }
}
