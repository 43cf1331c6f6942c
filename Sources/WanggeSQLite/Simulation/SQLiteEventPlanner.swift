import GRDB
import WanggeCore
import WanggeStore

/// The SQLite engine's ``EventPlanner``: short indexed probes at random keys (``RowProbe``), the grid's
/// shape read once, each task's unit range cached.
final class SQLiteEventPlanner: EventPlanner {
  let store: SQLiteStore
  var rng: SeededRandom
  /// Read on the first use: the grid does not change shape while simulating.
  var shape: GridShape?
  /// Each task's range of unit ids, read once per task.
  var unitRanges: [Int64: ClosedRange<Int64>] = [:]

  init(store: SQLiteStore, seed: UInt64) {
    self.store = store
    rng = SeededRandom(seed: seed)
  }

  func loadShape() throws -> GridShape {
    if let shape { return shape }
    let loaded = try store.pool.read { db in try GridShape(db) }
    shape = loaded
    return loaded
  }

  func plan(count: Int, at now: Instant) throws -> [(SimulatedKind, GridEvent.Kind)] {
    let shape = try loadShape()
    return try store.pool.read { db in
      var work = try PendingWork(db, shape: shape, now: now)
      return try plan(db, count: count, work: &work, shape: shape, now: now)
    }
  }

  func pendingAcknowledgements(at now: Instant) throws -> Int64 {
    let shape = try loadShape()
    return try store.pool.read { db in try PendingWork(db, shape: shape, now: now).pendingAcks }
  }

  func newestTaskIssue() throws -> Instant? {
    try store.pool.read { db in
      try Int64.fetchOne(db, sql: "SELECT max(issued_at) FROM task").map(Instant.init(epochSeconds:))
    }
  }

  func noticeScope() throws -> Int64? {
    let shape = try loadShape()
    return try store.pool.read { db in try NoticeScope.pick(db, shape: shape, rng: &rng)?.scopeID }
  }
}

extension SQLiteStore: SimulationSource {
  public func eventPlanner(seed: UInt64) throws -> any EventPlanner {
    SQLiteEventPlanner(store: self, seed: seed)
  }
}
