import WanggeCore

/// What the planner reads of the screening tables, through the engine's ``ScreeningSQL`` (read only):
/// the root's open cases and expected arrivals, the cases due soonest, today's expected arrivals.
struct PlannerIsolation {
  let sql: any ScreeningSQL

  /// The root's active cases and people expected (its `isolation_stats` row; zeros without one or
  /// on a store without the screening tables).
  func backlog(root: Int64) -> (active: Int64, expected: Int64) {
    guard
      let row = try? sql.query(
        "SELECT active, expected FROM isolation_stats WHERE place_id = ?", [.int(root)]
      )
      .first
    else { return (0, 0) }
    return (row[0].int ?? 0, row[1].int ?? 0)
  }

  /// Up to `limit` active cases under `root`, the soonest due first.
  func dueCases(root: Int64, limit: Int) throws -> [Int64] {
    try sql.query(
      "SELECT case_id FROM isolation_due WHERE place_id = ? ORDER BY due_at, case_id LIMIT ?",
      [.int(root), .int(Int64(limit))]
    ).compactMap { $0.first?.int }
  }

  /// Up to `limit` people expected on `day` or the three days before who have not arrived yet.
  func arrivalsDue(day: LocalDay, limit: Int) throws -> [(household: Int64, name: String)] {
    try sql.query(
      """
      SELECT household_id, name FROM arrival WHERE day BETWEEN ? AND ? AND arrived_at IS NULL
      ORDER BY day, household_id, name LIMIT ?
      """, [.int(day.number - 3), .int(day.number), .int(Int64(limit))]
    ).compactMap { r in r[0].int.flatMap { h in r[1].text.map { (h, $0) } } }
  }
}

extension GridEventPlanner {
  /// An isolation check of one of the cases due soonest (one of the first few, so that simulators
  /// sharing a store seldom check the same case): mostly 36.0–37.2 °C with the seal intact; rarely
  /// (1 in 200) a fever, which opens the household's green channel.
  func pickCheck(
    _ reads: any PlannerReads, _ picked: inout PickedKeys, _ shape: PlannerGridShape, batch: Int
  ) throws -> GridEvent.Kind? {
    if picked.dueCases == nil {
      picked.dueCases = try PlannerIsolation(sql: reads.screeningSQL).dueCases(
        root: shape.rootID, limit: batch * 4)
    }
    while let left = picked.dueCases?.count, left > 0 {
      let i = rng.below(min(4, left))
      guard let next = picked.dueCases?.remove(at: i) else { break }
      guard picked.checked.insert(next).inserted else { continue }
      let fever = rng.chance(0.005)
      let tenths = fever ? 380 + rng.below(10) : 360 + rng.below(13)
      return .screening(
        .isolationCheck(case: next, temperatureTenths: tenths, symptoms: false, sealIntact: !rng.chance(0.01))
      )
    }
    return nil
  }

  /// The arrival of someone expected today (or in the three days before) who has not arrived yet.
  func pickArrival(_ reads: any PlannerReads, _ picked: inout PickedKeys, now: Instant, batch: Int) throws
    -> GridEvent.Kind?
  {
    if picked.arrivals == nil {
      picked.arrivals = try PlannerIsolation(sql: reads.screeningSQL).arrivalsDue(
        day: LocalDay(now), limit: batch)
    }
    guard let next = picked.arrivals?.first else { return nil }
    picked.arrivals?.removeFirst()
    return .screening(.arrived(household: next.household, name: next.name, from: nil, risk: nil))
  }
}
