import WanggeStore

/// The orders desk's statements on a libpq connection (inside the caller's transaction).
struct PGOrderSQL: OrderSQL {
  let db: PGConnection
  var isPostgres: Bool { true }

  private func parameters(_ args: [OrderArg]) -> [(any PGBindable)?] {
    args.map { a -> (any PGBindable)? in
      switch a {
      case .int(let i): i
      case .text(let s): s
      case .null: nil
      }
    }
  }

  func run(_ sql: String, _ args: [OrderArg]) throws {
    _ = try db.exec(OrderPlaceholders.numbered(sql), parameters(args))
  }

  func rows(_ sql: String, _ args: [OrderArg]) throws -> [[String?]] {
    let result = try db.exec(OrderPlaceholders.numbered(sql), parameters(args))
    let n = result.columnCount
    return result.map { row in (0..<n).map { row.text($0) } }
  }
}
