import WanggeCore
import WanggeStore

/// Recounts every rollup from the raw rows, independently of the code that maintains them, the way
/// the SQLite engine's `RollupRecount` does; the server does the heavy GROUP BYs (assignments per
/// task and unit parent, households per unit, places per parent and depth), Swift adds them up the tree.
struct PGRollupRecount {
  /// A (place, second key) pair: task, household, depth or hour.
  struct Key: Hashable {
    var place: Int64
    var other: Int64
  }

  var stats: [Int64: PGStatsDelta] = [:]
  var tallies: [Key: [Int64]] = [:]
  var helpDue: [Key: Int64] = [:]
  var levelCounts: [Key: Int64] = [:]
  private var parent: [Int64: Int64] = [:]

  private func chain(_ id: Int64) -> [Int64] {
    var out = [id]
    var c = id
    while let p = parent[c] {
      out.append(p)
      c = p
    }
    return out
  }

  init(_ db: PGConnection) throws {
    var stationPlaces: [Int64] = []
    for row in try db.exec("SELECT id, parent_id, has_station FROM place") {
      let id: Int64 = try row.get(0)
      if let p: Int64 = try row.optional(1) { parent[id] = p }
      var s = PGStatsDelta()
      if try row.get(2, as: Int64.self) != 0 {
        s[.stations] = 1
        stationPlaces.append(id)
      }
      stats[id, default: PGStatsDelta()].add(s)
    }
    // Level counts: every place counts once at its depth in each proper ancestor.
    for row in try db.exec(
      "SELECT parent_id, depth, count(*) FROM place WHERE parent_id IS NOT NULL GROUP BY parent_id, depth")
    {
      let n: Int64 = try row.get(2)
      let depth: Int64 = try row.get(1)
      for a in chain(try row.get(0)) { levelCounts[Key(place: a, other: depth), default: 0] += n }
    }
    for id in stationPlaces {
      for a in chain(id).dropFirst() { stats[a, default: PGStatsDelta()][.stations] += 1 }
    }
    // Per unit: units and groups built; leaders counted once per place.
    var leaderUnits: [Int64: [Int64]] = [:]
    for row in try db.exec("SELECT place_id, leader_id, group_built FROM unit") {
      let unit: Int64 = try row.get(0)
      leaderUnits[try row.get(1), default: []].append(unit)
      var s = PGStatsDelta()
      s[.units] = 1
      s[.groupsBuilt] = try row.get(2)
      for a in chain(unit) { stats[a, default: PGStatsDelta()].add(s) }
    }
    for units in leaderUnits.values {
      var places = Set<Int64>()
      for u in units { places.formUnion(chain(u)) }
      for p in places { stats[p, default: PGStatsDelta()][.leaders] += 1 }
    }
    for row in try db.exec(
      """
      SELECT unit_id, count(*), sum(size), count(*) FILTER (WHERE reach = 2), count(*) FILTER (WHERE reach = 1)
      FROM household GROUP BY unit_id
      """)
    {
      var s = PGStatsDelta()
      s[.households] = try row.get(1)
      s[.people] = try row.get(2)
      s[.reachedGroup] = try row.get(3)
      s[.reachedPhone] = try row.get(4)
      for a in chain(try row.get(0)) { stats[a, default: PGStatsDelta()].add(s) }
    }
    for row in try db.exec(
      """
      SELECT h.unit_id, c.household_id, c.green, coalesce(c.last_visit, c.opened_at), c.cadence
      FROM help_case c JOIN household h ON h.id = c.household_id
      """)
    {
      var s = PGStatsDelta()
      s[.helpCases] = 1
      s[.greenOpen] = try row.get(2)
      // SQLite adds in 64 bits and wraps on overflow; so does this.
      let due = (try row.get(3, as: Int64.self)) &+ (try row.get(4, as: Int64.self))
      let household: Int64 = try row.get(1)
      for a in chain(try row.get(0)) {
        stats[a, default: PGStatsDelta()].add(s)
        helpDue[Key(place: a, other: household)] = due
      }
    }
    // Task tallies for every place above the unit, summed per (unit's parent, task) by the server.
    for row in try db.exec(
      """
      SELECT p.parent_id, a.task_id, count(*),
        count(*) FILTER (WHERE coalesce(a.acked_at, a.finished_at) IS NOT NULL),
        count(*) FILTER (WHERE coalesce(a.acked_at, a.finished_at) <= t.issued_at::numeric + t.ack_within),
        count(*) FILTER (WHERE a.finished_at IS NOT NULL),
        count(*) FILTER (WHERE a.finished_at <= t.issued_at::numeric + t.finish_within)
      FROM assignment a JOIN task t ON t.id = a.task_id JOIN place p ON p.id = a.unit_id
      WHERE p.parent_id IS NOT NULL
      GROUP BY p.parent_id, a.task_id
      """)
    {
      let task: Int64 = try row.get(1)
      let v: [Int64] = try (2...6).map { try row.get($0) }
      for a in chain(try row.get(0)) {
        let key = Key(place: a, other: task)
        var cur = tallies[key] ?? [0, 0, 0, 0, 0]
        for i in 0..<5 { cur[i] += v[i] }
        tallies[key] = cur
      }
    }
  }

  /// Compares the recount with the stored rollups (at most `limit` differences).
  func mismatches(_ db: PGConnection, limit: Int = 1000) throws -> [RollupMismatch] {
    var c = RollupComparison(limit: limit)
    func key(_ k: Key) -> RollupKey { RollupKey(place: k.place, other: k.other) }
    func rekey<V>(_ d: [Key: V]) -> [RollupKey: V] {
      Dictionary(uniqueKeysWithValues: d.map { (key($0.key), $0.value) })
    }
    let columns = PGStatsDelta.Column.allCases
    var places = RollupComparison.Table.placeStats(
      fields: columns.map(\.name), want: stats.mapValues(\.values))
    for row in try db.exec("SELECT place_id, \(columns.map(\.name).joined(separator: ", ")) FROM place_stats")
    {
      c.stored(
        RollupKey(place: try row.get(0)), try columns.map { try row.get($0.rawValue + 1) }, in: &places)
    }
    c.finish(places)
    let tallyCols = ["assigned", "acked", "acked_on_time", "finished", "finished_on_time"]
    var taskTally = RollupComparison.Table.taskTally(fields: tallyCols, want: rekey(tallies))
    for row in try db.exec("SELECT place_id, task_id, \(tallyCols.joined(separator: ", ")) FROM task_tally") {
      c.stored(
        RollupKey(place: try row.get(0), other: try row.get(1)), try (2...6).map { try row.get($0) },
        in: &taskTally)
    }
    c.finish(taskTally)
    var due = RollupComparison.Table.helpDue(rekey(helpDue))
    for row in try db.exec("SELECT place_id, household_id, due_at FROM help_due") {
      c.stored(RollupKey(place: try row.get(0), other: try row.get(1)), [try row.get(2)], in: &due)
    }
    c.finish(due)
    var dueHours: [RollupKey: Int64] = [:]
    for (k, at) in helpDue { dueHours[RollupKey(place: k.place, other: at / 3600), default: 0] += 1 }
    for (table, column, want) in [
      ("help_due_hour", "hour", dueHours), ("level_count", "depth", rekey(levelCounts)),
    ] {
      var t = RollupComparison.Table.counts(table, keyColumn: column, want: want)
      for row in try db.exec("SELECT place_id, \(column), count FROM \(table)") {
        c.stored(RollupKey(place: try row.get(0), other: try row.get(1)), [try row.get(2)], in: &t)
      }
      c.finish(t)
    }
    return c.mismatches
  }
}

extension PostgresStore {
  /// Recomputes every rollup from the raw rows in one snapshot and lists the differences.
  public func verify() throws -> [RollupMismatch] {
    try read { db in
      var c = RollupComparison()
      try ScreeningRecount.mismatches(PGScreeningSQL(db), into: &c)
      return try PGRollupRecount(db).mismatches(db) + c.mismatches + Self.censusMismatches(db)
        + OrderRecount(PGOrderSQL(db: db)).mismatches() + DutyRollupBook(sql: PGOrderSQL(db: db)).mismatches()
    } + reportRollupMismatches()
  }
}
