import GRDB
import WanggeCore
import WanggeStore

/// Recounts every rollup from the raw rows, independently of the code that maintains them.
struct RollupRecount {
  var stats: [Int64: PlaceStats] = [:]
  var tallies: [RollupDeltas.TallyKey: [Int64]] = [:]
  var helpDue: [RollupDeltas.TallyKey: Int64] = [:]  // (place, household) → due_at
  var levelCounts: [RollupDeltas.TallyKey: Int64] = [:]  // (place, depth) → count

  init(_ db: Database) throws {
    var parent: [Int64: Int64] = [:]
    var depth: [Int64: Int] = [:]
    let cursor1 = try Row.fetchCursor(db, sql: "SELECT id, parent_id, depth, has_station FROM place")
    while let row = try cursor1.next() {
      let id: Int64 = row[0]
      if let p: Int64 = row[1] { parent[id] = p }
      depth[id] = row[2]
      var s = PlaceStats()
      if row[3] as Bool { s.stations = 1 }
      stats[id, default: PlaceStats()].add(s)
    }
    func chain(_ id: Int64) -> [Int64] {
      var out = [id]
      var c = id
      while let p = parent[c] {
        out.append(p)
        c = p
      }
      return out
    }
    // Level counts: every place counts once at its depth in each proper ancestor.
    for (id, d) in depth {
      for a in chain(id).dropFirst() { levelCounts[.init(placeID: a, taskID: Int64(d)), default: 0] += 1 }
    }
    // Stations propagate up.
    let stationPlaces = stats.filter { $0.value.stations > 0 }.map(\.key)
    for id in stationPlaces {
      for a in chain(id).dropFirst() { stats[a, default: PlaceStats()].stations += 1 }
    }
    // Per unit: households, people, reach; groups built; leaders (distinct per place).
    var leaderUnits: [Int64: [Int64]] = [:]
    let cursor2 = try Row.fetchCursor(db, sql: "SELECT place_id, leader_id, group_built FROM unit")
    while let row = try cursor2.next() {
      let unit: Int64 = row[0]
      leaderUnits[row[1], default: []].append(unit)
      var s = PlaceStats()
      s.units = 1
      s.groupsBuilt = row[2]
      for a in chain(unit) { stats[a, default: PlaceStats()].add(s) }
    }
    for units in leaderUnits.values {
      var places = Set<Int64>()
      for u in units { places.formUnion(chain(u)) }
      for p in places { stats[p, default: PlaceStats()].leaders += 1 }
    }
    let cursor3 = try Row.fetchCursor(
      db,
      sql: """
        SELECT unit_id, count(*), sum(size), sum(reach = 2), sum(reach = 1) FROM household GROUP BY unit_id
        """)
    while let row = try cursor3.next() {
      var s = PlaceStats()
      s.households = row[1]
      s.people = row[2]
      s.reachedGroup = row[3]
      s.reachedPhone = row[4]
      for a in chain(row[0]) { stats[a, default: PlaceStats()].add(s) }
    }
    let cursor4 = try Row.fetchCursor(
      db,
      sql: """
        SELECT h.unit_id, c.household_id, c.green, coalesce(c.last_visit, c.opened_at) + c.cadence
        FROM help_case c JOIN household h ON h.id = c.household_id
        """)
    while let row = try cursor4.next() {
      var s = PlaceStats()
      s.helpCases = 1
      s.greenOpen = row[2]
      for a in chain(row[0]) {
        stats[a, default: PlaceStats()].add(s)
        helpDue[.init(placeID: a, taskID: row[1])] = row[3]
      }
    }
    // Task tallies for every place above the unit.
    var deadlines: [Int64: Deadlines] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, issued_at, ack_within, finish_within FROM task") {
      let issued = Instant(epochSeconds: row[1])
      deadlines[row[0]] = Deadlines(
        ack: issued + Span(seconds: row[2]), finish: issued + Span(seconds: row[3]))
    }
    let cursor5 = try Row.fetchCursor(
      db, sql: "SELECT task_id, unit_id, acked_at, finished_at FROM assignment")
    while let row = try cursor5.next() {
      let task: Int64 = row[0]
      guard let d = deadlines[task] else { continue }
      var t = TaskTally()
      t.count(
        Assignment(
          taskID: task, unitID: row[1], ackedAt: (row[2] as Int64?).map(Instant.init(epochSeconds:)),
          finishedAt: (row[3] as Int64?).map(Instant.init(epochSeconds:))), deadlines: d)
      let v: [Int64] = [
        1, Int64(t.acknowledged), Int64(t.acknowledgedOnTime), Int64(t.finished), Int64(t.finishedOnTime),
      ]
      for a in chain(row[1]).dropFirst() {
        let key = RollupDeltas.TallyKey(placeID: a, taskID: task)
        var cur = tallies[key] ?? [0, 0, 0, 0, 0]
        for i in 0..<5 { cur[i] += v[i] }
        tallies[key] = cur
      }
    }
  }

  /// Compares the recount with the stored rollups.
  func mismatches(_ db: Database, limit: Int = 1000) throws -> [RollupMismatch] {
    var c = RollupComparison(limit: limit)
    func key(_ k: RollupDeltas.TallyKey) -> RollupKey { RollupKey(place: k.placeID, other: k.taskID) }
    func counts(_ d: [RollupDeltas.TallyKey: Int64]) -> [RollupKey: Int64] {
      Dictionary(uniqueKeysWithValues: d.map { (key($0.key), $0.value) })
    }
    var places = RollupComparison.Table.placeStats(
      fields: PlaceStats.columns, want: stats.mapValues(\.values))
    let cursor6 = try Row.fetchCursor(
      db, sql: "SELECT place_id, \(PlaceStats.columns.joined(separator: ", ")) FROM place_stats")
    while let row = try cursor6.next() {
      c.stored(RollupKey(place: row[0]), (1...PlaceStats.columns.count).map { row[$0] }, in: &places)
    }
    c.finish(places)
    let tallyCols = ["assigned", "acked", "acked_on_time", "finished", "finished_on_time"]
    var taskTally = RollupComparison.Table.taskTally(
      fields: tallyCols, want: Dictionary(uniqueKeysWithValues: tallies.map { (key($0.key), $0.value) }))
    let cursor7 = try Row.fetchCursor(
      db, sql: "SELECT place_id, task_id, \(tallyCols.joined(separator: ", ")) FROM task_tally")
    while let row = try cursor7.next() {
      c.stored(RollupKey(place: row[0], other: row[1]), (2...6).map { row[$0] }, in: &taskTally)
    }
    c.finish(taskTally)
    var due = RollupComparison.Table.helpDue(counts(helpDue))
    let cursor8 = try Row.fetchCursor(db, sql: "SELECT place_id, household_id, due_at FROM help_due")
    while let row = try cursor8.next() {
      c.stored(RollupKey(place: row[0], other: row[1]), [row[2]], in: &due)
    }
    c.finish(due)
    var dueHours: [RollupKey: Int64] = [:]
    for (k, at) in helpDue { dueHours[RollupKey(place: k.placeID, other: at / 3600), default: 0] += 1 }
    for (table, column, want) in [
      ("help_due_hour", "hour", dueHours), ("level_count", "depth", counts(levelCounts)),
    ] {
      var t = RollupComparison.Table.counts(table, keyColumn: column, want: want)
      let rows = try Row.fetchCursor(db, sql: "SELECT place_id, \(column), count FROM \(table)")
      while let row = try rows.next() { c.stored(RollupKey(place: row[0], other: row[1]), [row[2]], in: &t) }
      c.finish(t)
    }
    return c.mismatches
  }
}

extension SQLiteStore {
  public func verify() throws -> [RollupMismatch] {
    try read { db in
      var c = RollupComparison()
      try ScreeningRecount.mismatches(GRDBScreeningSQL(db), into: &c)
      return try RollupRecount(db).mismatches(db) + c.mismatches + Self.censusMismatches(db)
        + OrderRecount(SQLiteOrderSQL(db: db)).mismatches()
        + DutyRollupBook(sql: SQLiteOrderSQL(db: db)).mismatches()
    } + reportRollupMismatches()
  }
}
