import WanggeCore
import WanggeStore

extension PostgresStore {
  /// A task's identity and deadlines, for the board's lists.
  struct TaskInfo {
    var id: Int64
    var type: String
    var title: String
    var deadlines: Deadlines
    var issuedAt: Instant = Instant(epochSeconds: 0)
  }

  /// Tasks issued within `window` before `now`, oldest first.
  static func taskInfos(_ db: PGConnection, at now: Instant, window: Span) throws -> [TaskInfo] {
    try db.exec(
      """
      SELECT id, type, title, issued_at, ack_within, finish_within FROM task
      WHERE issued_at > $1 AND issued_at <= $2 ORDER BY id
      """, [(now - window).epochSeconds, now.epochSeconds]
    ).map { row in
      let issued = Instant(epochSeconds: try row.get(3))
      return TaskInfo(
        id: try row.get(0), type: try row.get(1), title: try row.get(2),
        deadlines: Deadlines(
          ack: issued + Span(seconds: try row.get(4)), finish: issued + Span(seconds: try row.get(5))),
        issuedAt: issued)
    }
  }

  /// A unit below some place, with its names below that place.
  struct UnitBelow {
    var id: Int64
    var path: [String]
  }

  /// The units under `scope` (or `scope` itself when it is a unit), in tree order (children by id,
  /// level by level, as the SQLite engine lists them), from one recursive query over the subtree.
  static func unitsUnder(_ db: PGConnection, _ scope: Int64) throws -> [UnitBelow] {
    let unitDepth = try Self.unitDepth(db)
    let rows = try db.exec(
      """
      WITH RECURSIVE t(id, parent_id, depth, name) AS (
        SELECT id, parent_id, depth, name FROM place WHERE id = $1
        UNION ALL
        SELECT p.id, p.parent_id, p.depth, p.name FROM t JOIN place p ON p.parent_id = t.id WHERE t.depth < $2)
      SELECT id, parent_id, depth, name FROM t ORDER BY id
      """, [scope, unitDepth])
    guard let top = rows.first(where: { (try? $0.get(0, as: Int64.self)) == scope }) else { return [] }
    var kids: [Int64: [(id: Int64, depth: Int, name: String)]] = [:]
    for row in rows {
      guard let parent = try row.optional(1, as: Int64.self) else { continue }
      kids[parent, default: []].append((try row.get(0), try row.get(2), try row.get(3)))
    }
    var frontier: [(id: Int64, depth: Int, path: [String])] = [(scope, try top.get(2), [])]
    var units: [UnitBelow] = []
    while !frontier.isEmpty {
      var next: [(id: Int64, depth: Int, path: [String])] = []
      for item in frontier {
        if item.depth >= unitDepth {
          units.append(UnitBelow(id: item.id, path: item.path))
          continue
        }
        for child in kids[item.id] ?? [] { next.append((child.id, child.depth, item.path + [child.name])) }
      }
      frontier = next
    }
    return units
  }

  /// How many units lie under `scope` (from the rollup, O(1)).
  static func unitCount(_ db: PGConnection, _ scope: Int64) throws -> Int {
    try db.exec("SELECT units FROM place_stats WHERE place_id = $1", [scope]).first?.get(0) ?? 0
  }

  /// Each unit's compound, building and unit names, e.g. ["水映花城小区", "12号楼", "3单元"].
  static func unitLabels(_ db: PGConnection, _ units: [Int64]) throws -> [Int64: [String]] {
    var out: [Int64: [String]] = [:]
    for row in try db.exec(
      """
      SELECT u.id, c.name, b.name, u.name FROM place u LEFT JOIN place b ON b.id = u.parent_id
      LEFT JOIN place c ON c.id = b.parent_id WHERE u.id = ANY($1::bigint[])
      """, [Self.array(units)])
    {
      out[try row.get(0)] =
        [try row.optional(1, as: String.self), try row.optional(2), try row.optional(3)]
        .compactMap { $0 }.filter { !$0.isEmpty }
    }
    return out
  }

  /// An assignment from a row whose columns `acked`, `acked + 1` hold `acked_at`, `finished_at`.
  static func assignment(task: Int64, unit: Int64, _ row: PGRow, acked: Int) throws -> Assignment {
    Assignment(
      taskID: task, unitID: unit,
      ackedAt: try row.optional(acked, as: Int64.self).map(Instant.init(epochSeconds:)),
      finishedAt: try row.optional(acked + 1, as: Int64.self).map(Instant.init(epochSeconds:)))
  }
}
