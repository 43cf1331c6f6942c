import WanggeStore
import GRDB

/// Finds a qualifying row near a random key, never with OFFSET or ORDER BY RANDOM().
///
/// `sql` walks a primary key in order from `?1`, looks at no more than `?2` rows (-1: no bound) and returns
/// up to `?3` of those that qualify, the key in the first column; further arguments start at `?4`.
/// A few short windows at random keys usually find a row; when they do not, one unbounded scan from a
/// random key, then from the start, settles it, so a row is found whenever one exists.
struct RowProbe {
  static let window = 256
  static let randomTries = 4
  let sql: String

  /// A qualifying row whose key is not in `excluded`, or nil when there is none.
  func pick(
    _ db: Database, keys: ClosedRange<Int64>, excluded: Set<Int64>,
    extra: [(any DatabaseValueConvertible)?] = [],
    rng: inout SeededRandom
  ) throws -> Row? {
    let want = excluded.count + 1
    for _ in 0..<Self.randomTries {
      if let row = try first(db, from: random(keys, &rng), window: Self.window, want: want, excluded, extra) {
        return row
      }
    }
    if let row = try first(db, from: random(keys, &rng), window: -1, want: want, excluded, extra) {
      return row
    }
    return try first(db, from: keys.lowerBound, window: -1, want: want, excluded, extra)
  }

  private func first(
    _ db: Database, from start: Int64, window: Int, want: Int, _ excluded: Set<Int64>,
    _ extra: [(any DatabaseValueConvertible)?]
  ) throws -> Row? {
    let values: [(any DatabaseValueConvertible)?] = [start, window, want] + extra
    return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(values)).first {
      !excluded.contains($0[0])
    }
  }

  private func random(_ keys: ClosedRange<Int64>, _ rng: inout SeededRandom) -> Int64 {
    keys.lowerBound + Int64(rng.next() % UInt64(keys.upperBound - keys.lowerBound + 1))
  }
}
