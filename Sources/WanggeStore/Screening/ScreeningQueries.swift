import WanggeCore

/// The screening figures read from the rollups, engine-free (see ``ScreeningSQL``). "Overdue" and
/// "due today" cost the hours in the range from `isolation_due_hour` plus the two partial hours at
/// its ends from `isolation_due` (index on place and due time): O(hours), not O(cases).
public struct ScreeningQueries {
  let sql: any ScreeningSQL
  public init(sql: any ScreeningSQL) { self.sql = sql }

  public func policy() throws -> IsolationPolicy {
    guard
      let text = try sql.query("SELECT value FROM meta WHERE key = ?", [.text(ScreeningRules.policyKey)])
        .first?.first?.text
    else { return .standard }
    return IsolationPolicy(text: text) ?? .standard
  }

  public func setPolicy(_ p: IsolationPolicy) throws {
    try sql.execute(
      "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      [.text(ScreeningRules.policyKey), .text(p.text)])
  }

  /// Cases of `place` whose check falls due in `[from, to)` (nil `from`: any time before `to`).
  public func due(place: Int64, from: Int64?, to: Int64) throws -> Int64 {
    let lastHour = ScreeningRules.hour(to)  // to's own hour is read from isolation_due
    let partial = "SELECT count(*) FROM isolation_due WHERE place_id = ? AND due_at >= ? AND due_at < ?"
    guard let from else {
      let hours =
        try sql.scalar(
          "SELECT coalesce(sum(count), 0) FROM isolation_due_hour WHERE place_id = ? AND hour < ?",
          [.int(place), .int(lastHour)]) ?? 0
      return hours + (try sql.scalar(partial, [.int(place), .int(lastHour * 3600), .int(to)]) ?? 0)
    }
    guard from < to else { return 0 }
    let firstFull = ScreeningRules.hour(from + 3599)
    if firstFull >= lastHour {
      return try sql.scalar(partial, [.int(place), .int(from), .int(to)]) ?? 0
    }
    let hours =
      try sql.scalar(
        "SELECT coalesce(sum(count), 0) FROM isolation_due_hour WHERE place_id = ? AND hour >= ? AND hour < ?",
        [.int(place), .int(firstFull), .int(lastHour)]) ?? 0
    let head = try sql.scalar(partial, [.int(place), .int(from), .int(firstFull * 3600)]) ?? 0
    let tail = try sql.scalar(partial, [.int(place), .int(lastHour * 3600), .int(to)]) ?? 0
    return hours + head + tail
  }

  public func figures(place: Int64, at now: Instant) throws -> IsolationFigures {
    var f = IsolationFigures()
    if let r = try sql.query(
      "SELECT \(ScreeningRules.statsColumns.joined(separator: ", ")) FROM isolation_stats WHERE place_id = ?",
      [.int(place)]
    ).first {
      let v = r.map { $0.int ?? 0 }
      (f.active, f.released, f.transferred, f.lost, f.returnees, f.expected, f.symptoms) =
        (v[0], v[1], v[2], v[3], v[4], v[5], v[6])
    }
    guard f.active > 0 || f.released > 0 else { return f }
    let t = now.epochSeconds
    f.overdue = try due(place: place, from: nil, to: t)
    f.dueToday = try due(place: place, from: t, to: LocalDay(now).end.epochSeconds)
    f.releasedToday =
      try sql.scalar(
        "SELECT released FROM isolation_day WHERE place_id = ? AND day = ?",
        [.int(place), .int(LocalDay(now).number)]) ?? 0
    return f
  }

  public func totals(task: Int64, place: Int64) throws -> ScreeningTotals {
    guard
      let r = try sql.query(
        "SELECT checked, returnees, isolate, problems FROM screening_tally WHERE place_id = ? AND task_id = ?",
        [.int(place), .int(task)]
      ).first
    else { return ScreeningTotals() }
    let v = r.map { $0.int ?? 0 }
    return ScreeningTotals(checked: v[0], returnees: v[1], isolate: v[2], problems: v[3])
  }

  static let caseColumns =
    "c.id, c.household_id, c.unit_id, c.name, c.risk, c.started_at, c.ends_at, c.last_check, c.status, c.leader, c.opened_at, c.cadence"

  static func caseRow(_ r: [SQLValue]) -> IsolationCaseRow {
    let status = IsolationStatus(rawValue: Int(r[8].int ?? 0)) ?? .active
    let last = r[7].int
    let due = status == .active ? (last ?? (r[10].int ?? 0)) + (r[11].int ?? 0) : nil
    return IsolationCaseRow(
      id: r[0].int ?? 0, household: r[1].int ?? 0, unit: r[2].int ?? 0, name: r[3].text ?? "",
      risk: RiskLevel(rawValue: r[4].text ?? "") ?? .high, startedAt: Instant(epochSeconds: r[5].int ?? 0),
      endsAt: Instant(epochSeconds: r[6].int ?? 0), dueAt: due.map(Instant.init(epochSeconds:)),
      lastCheck: last.map(Instant.init(epochSeconds:)), status: status, leader: r[9].text ?? "")
  }

  /// Active cases under `place`, the most overdue (earliest due) first, walked along the due index.
  public func cases(under place: Int64, limit: Int) throws -> [IsolationCaseRow] {
    try sql.query(
      """
      SELECT \(Self.caseColumns) FROM isolation_due d JOIN isolation_case c ON c.id = d.case_id
      WHERE d.place_id = ? ORDER BY d.due_at, d.case_id LIMIT ?
      """, [.int(place), .int(Int64(limit))]
    ).map(Self.caseRow)
  }

  public func `case`(_ id: Int64) throws -> IsolationCaseRow? {
    try sql.query("SELECT \(Self.caseColumns) FROM isolation_case c WHERE c.id = ?", [.int(id)]).first.map(
      Self.caseRow)
  }

  /// People announced for `day` and not yet arrived, under `place` (the day's rows are few).
  public func arrivals(under place: Int64, day: LocalDay, limit: Int) throws
    -> [ExpectedArrival]
  {
    var out: [ExpectedArrival] = []
    var chains: [Int64: [Int64]] = [:]
    func chain(_ unit: Int64) throws -> [Int64] {
      if let c = chains[unit] { return c }
      let c = try self.chain(of: unit)
      chains[unit] = c
      return c
    }
    for r in try sql.query(
      """
      SELECT household_id, unit_id, name, origin, day, risk FROM arrival
      WHERE day = ? AND arrived_at IS NULL ORDER BY unit_id, household_id, name
      """, [.int(day.number)])
    {
      let unit = r[1].int ?? 0
      guard try chain(unit).contains(place) else { continue }
      out.append(
        ExpectedArrival(
          household: r[0].int ?? 0, unit: unit, name: r[2].text ?? "", from: r[3].text ?? "",
          day: LocalDay(number: r[4].int ?? 0), risk: r[5].text.flatMap(RiskLevel.init(rawValue:))))
      if out.count >= limit { break }
    }
    return out
  }

  /// The place, then its parent, up to the root.
  public func chain(of place: Int64) throws -> [Int64] {
    var out: [Int64] = []
    var next: Int64? = place
    while let id = next, out.count < 64 {
      out.append(id)
      next = try sql.query("SELECT parent_id FROM place WHERE id = ?", [.int(id)]).first?.first?.int
    }
    return out
  }
}
