import WanggeCore

/// What the census rules need from an engine's open write transaction.
public protocol CensusAccess {
  /// The household in `room` of `unit`, if any.
  func censusHousehold(unit: Int64, room: String) throws -> Int64?
  /// The household's last verification (its task and day), if any.
  func censusLast(household: Int64) throws -> (task: Int64, at: Instant)?
  /// Writes the household's last verification (insert or replace).
  func saveCensusCheck(_ check: CensusCheck, unit: Int64) throws
  /// Adds `delta` to the households of `unit` verified by `task`.
  func addCensusUnit(task: Int64, unit: Int64, delta: Int) throws
  /// Adds `delta` to the households of each place in `places` last verified on `day`.
  func addCensusDay(places: [Int64], day: Int64, delta: Int) throws
  /// Removes the household's last verification (it moved out, or a new family moved in).
  func deleteCensusCheck(household: Int64) throws
}

/// Applies a census finish's result, the same on every engine: each household's last verification
/// is replaced by a later one (an earlier or equal one changes nothing), and the per-unit and per-day
/// rollups move with it in the same transaction.
public enum CensusRules {
  /// Applies `resultText` of a finish of census `task` by `unit`; `places` are the unit and its
  /// ancestors. True when a household's verification changed. Throws a ``FieldProblem`` on `result`
  /// for a bad result or a room the unit does not have (the event is refused).
  public static func apply(
    _ resultText: String?, task: GridTask, unit: Int64, places: [Int64], at: Instant, source: String,
    access: any CensusAccess
  ) throws -> Bool {
    guard task.type == .census else { return false }
    guard let resultText else {
      throw FieldProblem(
        field: "result",
        problem: "a census finish carries what was verified: {\"households\":[{\"room\":…,\"residency\":…}]}")
    }
    let result = try CensusResultParser.parse(resultText)
    let by = result.by ?? source
    var changed = false
    for v in result.visits {
      guard let h = try access.censusHousehold(unit: unit, room: v.room) else {
        throw FieldProblem(field: "result", problem: "room \(v.room): the unit has no such household")
      }
      let old = try access.censusLast(household: h)
      if let old, old.at >= at { continue }
      if let old {
        try access.addCensusDay(places: places, day: CensusDay.of(old.at), delta: -1)
        if old.task != task.id { try access.addCensusUnit(task: old.task, unit: unit, delta: -1) }
      }
      if old?.task != task.id { try access.addCensusUnit(task: task.id, unit: unit, delta: 1) }
      try access.addCensusDay(places: places, day: CensusDay.of(at), delta: 1)
      try access.saveCensusCheck(
        CensusCheck(
          householdID: h, taskID: task.id, at: at, by: by, residency: v.residency, present: v.present,
          flags: v.flags), unit: unit)
      changed = true
    }
    return changed
  }

  /// The recount `verify` compares with the rollups, from `census_check` alone (engine-neutral SQL:
  /// integer division, a recursive walk up the places). Rows: table, key, stored, recounted.
  public static let unitRecountSQL = """
    SELECT coalesce(a.task_id, b.task_id), coalesce(a.unit_id, b.unit_id), coalesce(a.verified, 0), coalesce(b.n, 0)
    FROM census_unit a FULL OUTER JOIN
      (SELECT task_id, unit_id, count(*) AS n FROM census_check GROUP BY task_id, unit_id) b
      ON a.task_id = b.task_id AND a.unit_id = b.unit_id
    WHERE coalesce(a.verified, 0) <> coalesce(b.n, 0)
    """

  /// Per place and day: stored against recounted, where they differ.
  public static let dayRecountSQL = """
    WITH RECURSIVE up(unit_id, place_id) AS (
      SELECT DISTINCT unit_id, unit_id FROM census_check
      UNION ALL SELECT up.unit_id, p.parent_id FROM up JOIN place p ON p.id = up.place_id
        WHERE p.parent_id IS NOT NULL),
    recount AS (
      SELECT up.place_id, CASE WHEN c.at + 28800 >= 0 THEN (c.at + 28800) / 86400 ELSE (c.at + 28800 - 86399) / 86400 END AS day,
        count(*) AS n
      FROM census_check c JOIN up ON up.unit_id = c.unit_id GROUP BY 1, 2)
    SELECT coalesce(a.place_id, b.place_id), coalesce(a.day, b.day), coalesce(a.verified, 0), coalesce(b.n, 0)
    FROM census_day a FULL OUTER JOIN recount b ON a.place_id = b.place_id AND a.day = b.day
    WHERE coalesce(a.verified, 0) <> coalesce(b.n, 0)
    """
}
