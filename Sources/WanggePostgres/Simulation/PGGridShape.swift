import WanggeCore
import WanggeStore

/// What the simulator needs to know of a store's grid, read once: the root, depths and key ranges.
struct PGGridShape {
  var rootID: Int64
  var unitDepth: Int
  /// Where a simulated notice is issued: the 社区 level, else three levels above the unit.
  var communityDepth: Int
  var units: ClosedRange<Int64>?
  var households: ClosedRange<Int64>?
  var helpCases: ClosedRange<Int64>?

  init(_ db: PGConnection) throws {
    rootID = try PostgresStore.root(db).id
    unitDepth = try PostgresStore.unitDepth(db)
    communityDepth =
      try db.exec("SELECT depth FROM level WHERE name = '社区'").first?.get(0) ?? max(1, unitDepth - 3)
    units = try Self.keys(db, "unit", "place_id")
    households = try Self.keys(db, "household", "id")
    helpCases = try Self.keys(db, "help_case", "household_id")
  }

  /// The smallest and largest primary key of `table` (two index look-ups), nil when it is empty.
  static func keys(_ db: PGConnection, _ table: String, _ key: String) throws -> ClosedRange<Int64>? {
    guard
      let lo: Int64 = try db.exec("SELECT \(key) FROM \(table) ORDER BY \(key) LIMIT 1").first?.get(0),
      let hi: Int64 = try db.exec("SELECT \(key) FROM \(table) ORDER BY \(key) DESC LIMIT 1").first?.get(0)
    else { return nil }
    return lo...hi
  }
}

/// A community chosen for a simulated notice (the 社区 level), one that has units.
enum PGNoticeScope {
  /// Walks random children from the root down to the community level; nil if no community has units.
  static func pick(_ db: PGConnection, shape: PGGridShape, rng: inout SeededRandom) throws -> Int64? {
    for _ in 0..<8 {
      var current = shape.rootID
      for _ in 0..<shape.communityDepth {
        let children: [Int64] = try db.exec(
          "SELECT id FROM place WHERE parent_id = $1 ORDER BY id", [current]
        ).map { try $0.get(0) }
        guard !children.isEmpty else { break }
        current = children[rng.below(children.count)]
      }
      guard
        let depth: Int = try db.exec("SELECT depth FROM place WHERE id = $1", [current]).first?.get(0),
        depth == shape.communityDepth
      else { continue }
      let hasUnits = try db.exec(
        """
        WITH RECURSIVE sub(id) AS (
          SELECT id FROM place WHERE parent_id = $1
          UNION ALL SELECT p.id FROM place p JOIN sub ON p.parent_id = sub.id)
        SELECT 1 FROM sub JOIN unit u ON u.place_id = sub.id LIMIT 1
        """, [current])
      if !hasUnits.isEmpty { return current }
    }
    return nil
  }
}

/// What is left to do at the start of a step, from the root's rollups (a handful of primary-key reads).
struct PGPendingWork {
  var acks: [(task: Int64, count: Int64)] = []
  var finishes: [(task: Int64, count: Int64)] = []
  var unreached: Int64 = 0
  var groupsMissing: Int64 = 0
  var helpCases: Int64 = 0
  var exhausted: Set<SimulatedKind> = []

  var pendingAcks: Int64 { acks.reduce(0) { $0 + $1.count } }

  init(_ db: PGConnection, shape: PGGridShape, now: Instant) throws {
    for row in try db.exec(
      """
      SELECT t.id, t.issued_at, t.finish_within, s.assigned - s.acked, s.acked - s.finished
      FROM task t JOIN task_tally s ON s.place_id = $3 AND s.task_id = t.id
      WHERE t.issued_at > $1 AND t.issued_at <= $2 ORDER BY t.id
      """, [(now - .days(7)).epochSeconds, now.epochSeconds, shape.rootID])
    {
      let id: Int64 = try row.get(0)
      let finishBy = Saturating.add(try row.get(1), try row.get(2))  // a stored window may be absurd
      let unacked: Int64 = try row.get(3)
      let unfinished: Int64 = try row.get(4)
      if unacked > 0, now.epochSeconds <= finishBy { acks.append((id, unacked)) }
      if unfinished > 0 { finishes.append((id, unfinished)) }
    }
    if let stats = try db.exec(
      """
      SELECT households - reached_group - reached_phone, units - groups_built, help_cases
      FROM place_stats WHERE place_id = $1
      """, [shape.rootID]
    ).first {
      (unreached, groupsMissing, helpCases) = (try stats.get(0), try stats.get(1), try stats.get(2))
    }
  }

  func isAvailable(_ kind: SimulatedKind) -> Bool {
    guard !exhausted.contains(kind) else { return false }
    switch kind {
    case .ack: return !acks.isEmpty
    case .done: return !finishes.isEmpty
    case .visit: return helpCases > 0
    case .reach: return unreached > 0
    case .group: return groupsMissing > 0
    }
  }
}

/// Finds a qualifying row near a random key, never with OFFSET or ORDER BY random(): `sql` walks a
/// primary key in order from `$1`, looks at no more than `$2` rows (NULL: no bound) and returns up to
/// `$3` of those that qualify, the key first; further parameters start at `$4`. A few short windows
/// at random keys, then one unbounded scan from a random key, then from the start.
struct PGRowProbe {
  static let window = 256
  static let randomTries = 4
  let sql: String

  func pick(
    _ db: PGConnection, keys: ClosedRange<Int64>, excluded: Set<Int64>, extra: [(any PGBindable)?] = [],
    rng: inout SeededRandom
  ) throws -> PGRow? {
    let want = excluded.count + 1
    for _ in 0..<Self.randomTries {
      if let row = try first(db, from: random(keys, &rng), window: Self.window, want, excluded, extra) {
        return row
      }
    }
    if let row = try first(db, from: random(keys, &rng), window: nil, want, excluded, extra) { return row }
    return try first(db, from: keys.lowerBound, window: nil, want, excluded, extra)
  }

  private func first(
    _ db: PGConnection, from start: Int64, window: Int?, _ want: Int, _ excluded: Set<Int64>,
    _ extra: [(any PGBindable)?]
  ) throws -> PGRow? {
    let params: [(any PGBindable)?] = [start, window, want] + extra
    let rows = try db.exec(sql, params)
    return rows.first { !excluded.contains((try? $0.get(0, as: Int64.self)) ?? -1) }
  }

  private func random(_ keys: ClosedRange<Int64>, _ rng: inout SeededRandom) -> Int64 {
    keys.lowerBound + Int64(rng.next() % UInt64(keys.upperBound - keys.lowerBound + 1))
  }
}
