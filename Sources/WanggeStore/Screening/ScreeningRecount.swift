import WanggeCore

/// `verify`'s recount of the screening rollups from their raw rows, engine-free: `screening_tally`
/// from `screening_result`, `isolation_stats` from cases, returnees, arrivals and checks,
/// `isolation_due` and `isolation_due_hour` from the active cases, `isolation_day` from releases.
public enum ScreeningRecount {
  public static func mismatches(_ sql: any ScreeningSQL, into c: inout RollupComparison) throws {
    var parent: [Int64: Int64] = [:]
    for r in try sql.query("SELECT id, parent_id FROM place", []) {
      if let p = r[1].int { parent[r[0].int ?? 0] = p }
    }
    func chain(_ id: Int64) -> [Int64] {
      var out = [id]
      var cur = id
      while let p = parent[cur], out.count < 64 {
        out.append(p)
        cur = p
      }
      return out
    }
    // screening_tally
    var tally: [RollupKey: [Int64]] = [:]
    for r in try sql.query(
      "SELECT task_id, unit_id, checked, returnees, isolate, problems FROM screening_result", [])
    {
      let v = r[2...5].map { $0.int ?? 0 }
      for p in chain(r[1].int ?? 0) {
        let k = RollupKey(place: p, other: r[0].int ?? 0)
        var cur = tally[k] ?? [0, 0, 0, 0]
        for i in 0..<4 { cur[i] += v[i] }
        tally[k] = cur
      }
    }
    var t = RollupComparison.Table.taskTally(fields: ScreeningRules.tallyColumns, want: tally)
    t = t.renamed("screening_tally")
    for r in try sql.query(
      "SELECT place_id, task_id, \(ScreeningRules.tallyColumns.joined(separator: ", ")) FROM screening_tally",
      [])
    {
      c.stored(RollupKey(place: r[0].int ?? 0, other: r[1].int ?? 0), r[2...5].map { $0.int ?? 0 }, in: &t)
    }
    c.finish(t)
    // isolation_stats, isolation_due, isolation_due_hour, isolation_day
    var stats: [RollupKey: [Int64]] = [:]
    func bump(_ unit: Int64, _ field: Int, _ by: Int64 = 1) {
      for p in chain(unit) {
        var cur = stats[RollupKey(place: p)] ?? Array(repeating: 0, count: ScreeningRules.statsColumns.count)
        cur[field] += by
        stats[RollupKey(place: p)] = cur
      }
    }
    var due: [RollupKey: Int64] = [:]
    var hours: [RollupKey: Int64] = [:]
    var days: [RollupKey: Int64] = [:]
    var unitOfCase: [Int64: Int64] = [:]
    for r in try sql.query(
      "SELECT id, unit_id, status, opened_at, cadence, last_check, closed_at FROM isolation_case", [])
    {
      let id = r[0].int ?? 0
      let unit = r[1].int ?? 0
      unitOfCase[id] = unit
      let status = IsolationStatus(rawValue: Int(r[2].int ?? 0)) ?? .active
      switch status {
      case .active:
        bump(unit, 0)
        let at = (r[5].int ?? (r[3].int ?? 0)) + (r[4].int ?? 0)
        for p in chain(unit) {
          due[RollupKey(place: p, other: id)] = at
          hours[RollupKey(place: p, other: ScreeningRules.hour(at)), default: 0] += 1
        }
      case .released:
        bump(unit, 1)
        let day = LocalDay(Instant(epochSeconds: r[6].int ?? 0)).number
        for p in chain(unit) { days[RollupKey(place: p, other: day), default: 0] += 1 }
      case .transferred: bump(unit, 2)
      case .lost: bump(unit, 3)
      }
    }
    for r in try sql.query("SELECT unit_id FROM returnee", []) { bump(r[0].int ?? 0, 4) }
    for r in try sql.query("SELECT unit_id FROM arrival WHERE arrived_at IS NULL", []) {
      bump(r[0].int ?? 0, 5)
    }
    for r in try sql.query("SELECT case_id FROM isolation_check WHERE symptoms = 1", []) {
      if let u = unitOfCase[r[0].int ?? 0] { bump(u, 6) }
    }
    var s = RollupComparison.Table.taskTally(fields: ScreeningRules.statsColumns, want: stats)
    s = s.renamed("isolation_stats")
    for r in try sql.query(
      "SELECT place_id, \(ScreeningRules.statsColumns.joined(separator: ", ")) FROM isolation_stats", [])
    {
      c.stored(RollupKey(place: r[0].int ?? 0), r.dropFirst().map { $0.int ?? 0 }, in: &s)
    }
    c.finish(s)
    var d = RollupComparison.Table.helpDue(due).renamed("isolation_due")
    for r in try sql.query("SELECT place_id, case_id, due_at FROM isolation_due", []) {
      c.stored(RollupKey(place: r[0].int ?? 0, other: r[1].int ?? 0), [r[2].int ?? 0], in: &d)
    }
    c.finish(d)
    for (table, column, value, want) in [
      ("isolation_due_hour", "hour", "count", hours), ("isolation_day", "day", "released", days),
    ] {
      var h = RollupComparison.Table.counts(table, keyColumn: column, want: want)
      for r in try sql.query("SELECT place_id, \(column), \(value) FROM \(table)", []) {
        c.stored(RollupKey(place: r[0].int ?? 0, other: r[1].int ?? 0), [r[2].int ?? 0], in: &h)
      }
      c.finish(h)
    }
    try groupMismatches(sql, into: &c)
  }
}

extension RollupComparison.Table {
  /// The same comparison under another table's name (and key wording for the case tables).
  func renamed(_ name: String) -> Self {
    var t = Self(
      name: name, fields: fields,
      keyText: name == "isolation_due"
        ? { "place \($0.place) case \($0.other)" }
        : name == "isolation_stats" ? { "place \($0.place)" } : keyText,
      want: want, absent: absent, missing: missing)
    t.seen = seen
    return t
  }
}
