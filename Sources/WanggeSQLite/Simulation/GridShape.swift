import WanggeStore
import GRDB

/// What the simulator needs to know of a store's grid, read once: the root, depths and key ranges.
struct GridShape {
  var rootID: Int64
  var unitDepth: Int
  /// Where a simulated notice is issued: the 社区 level, else three levels above the unit.
  var communityDepth: Int
  var units: ClosedRange<Int64>?
  var households: ClosedRange<Int64>?
  var helpCases: ClosedRange<Int64>?

  init(_ db: Database) throws {
    rootID = try SQLiteStore.root(db).id
    unitDepth = try Int.fetchOne(db, sql: "SELECT max(depth) FROM level") ?? 0
    communityDepth =
      try Int.fetchOne(db, sql: "SELECT depth FROM level WHERE name = '社区'")
      ?? max(1, unitDepth - 3)
    units = try Self.keys(db, "unit", "place_id")
    households = try Self.keys(db, "household", "id")
    helpCases = try Self.keys(db, "help_case", "household_id")
  }

  /// The smallest and largest primary key of `table` (two index look-ups), nil when it is empty.
  static func keys(_ db: Database, _ table: String, _ key: String) throws -> ClosedRange<Int64>? {
    guard
      let lo = try Int64.fetchOne(db, sql: "SELECT \(key) FROM \(table) ORDER BY \(key) LIMIT 1"),
      let hi = try Int64.fetchOne(db, sql: "SELECT \(key) FROM \(table) ORDER BY \(key) DESC LIMIT 1")
    else { return nil }
    return lo...hi
  }
}
