import WanggeCore
import WanggeStore

/// The PostgreSQL engine's ``EventPlanner``, the SQLite engine's planner on this server: short indexed
/// probes at random keys (``PGRowProbe``), the grid's shape read once, each task's unit range cached.
final class PGEventPlanner: EventPlanner {
  let store: PostgresStore
  var rng: SeededRandom
  var shape: PGGridShape?
  var unitRanges: [Int64: ClosedRange<Int64>] = [:]

  init(store: PostgresStore, seed: UInt64) {
    self.store = store
    rng = SeededRandom(seed: seed)
  }

  func loadShape() throws -> PGGridShape {
    if let shape { return shape }
    let loaded = try store.read { db in try PGGridShape(db) }
    shape = loaded
    return loaded
  }

  func plan(count: Int, at now: Instant) throws -> [(SimulatedKind, GridEvent.Kind)] {
    let shape = try loadShape()
    return try store.read { db in
      var work = try PGPendingWork(db, shape: shape, now: now)
      return try plan(db, count: count, work: &work, shape: shape, now: now)
    }
  }

  func pendingAcknowledgements(at now: Instant) throws -> Int64 {
    let shape = try loadShape()
    return try store.read { db in try PGPendingWork(db, shape: shape, now: now).pendingAcks }
  }

  func newestTaskIssue() throws -> Instant? {
    try store.read { db in
      try db.exec("SELECT max(issued_at) FROM task")[0].optional(0, as: Int64.self).map(
        Instant.init(epochSeconds:))
    }
  }

  func noticeScope() throws -> Int64? {
    let shape = try loadShape()
    return try store.read { db in try PGNoticeScope.pick(db, shape: shape, rng: &rng) }
  }
}

extension PostgresStore: SimulationSource {
  /// A planner for this store, its random choices seeded with `seed`.
  public func eventPlanner(seed: UInt64) throws -> any EventPlanner {
    PGEventPlanner(store: self, seed: seed)
  }
}

/// The whole store contract on PostgreSQL.
extension PostgresStore: GridStore {}
