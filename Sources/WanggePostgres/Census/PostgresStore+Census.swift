import WanggeCore
import WanggeStore

/// Migration 10 (v10-census): the SQLite engine's census tables with PostgreSQL types, their change
/// triggers, scope policies and grants; the per-day rollup above a station's scope changes only
/// through the definer function `wangge_add_census_day`, which checks the places like the others.
extension PostgresSchema {
  static let censusTables = ["census_check", "census_unit", "census_day"]
  static let censusFunctions = ["wangge_add_census_day"]

  /// The bare census tables: created by migration 10, and before it by a bulk load (`copy`), which
  /// fills the tables first and migrates after.
  static let censusTablesSQL = """
      CREATE TABLE IF NOT EXISTS census_check(
        household_id BIGINT PRIMARY KEY, task_id BIGINT NOT NULL, unit_id BIGINT NOT NULL, at BIGINT NOT NULL,
        verified_by TEXT COLLATE "C" NOT NULL, residency INTEGER NOT NULL, present INTEGER NOT NULL,
        flags INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS census_check_by_unit ON census_check(unit_id, task_id);
      CREATE TABLE IF NOT EXISTS census_unit(
        task_id BIGINT NOT NULL, unit_id BIGINT NOT NULL, verified BIGINT NOT NULL, PRIMARY KEY (task_id, unit_id));
      CREATE TABLE IF NOT EXISTS census_day(
        place_id BIGINT NOT NULL, day BIGINT NOT NULL, verified BIGINT NOT NULL, PRIMARY KEY (place_id, day));
    """

  static var censusV10: String {
    var sql = censusTablesSQL + "\n"
    sql += """
      CREATE FUNCTION wangge_add_census_day(places bigint[], d bigint, delta bigint) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      BEGIN
        PERFORM wangge_check_rollup_places(places);
        INSERT INTO census_day AS x(place_id, day, verified) SELECT p, d, delta FROM unnest(places) AS p ORDER BY p
        ON CONFLICT (place_id, day) DO UPDATE SET verified = x.verified + excluded.verified;
      END $$;
      REVOKE ALL ON FUNCTION wangge_add_census_day FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION wangge_add_census_day TO wangge_station, wangge_commander, wangge_admin;
      GRANT SELECT ON census_check, census_unit, census_day TO wangge_viewer;
      GRANT INSERT, UPDATE ON census_check, census_unit TO wangge_station;
      GRANT INSERT, UPDATE, DELETE ON census_check, census_unit, census_day TO wangge_commander;

      """
    let policies = [
      ("census_check", inScope("unit_id")), ("census_unit", inScope("unit_id")),
      ("census_day", inScope("place_id")),
    ]
    for (table, rule) in policies {
      sql += """
        CREATE TRIGGER \(table)_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table)
          FOR EACH STATEMENT EXECUTE FUNCTION wangge_notify_change();
        ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY;
        CREATE POLICY scope_read ON \(table) FOR SELECT USING (\(rule));
        CREATE POLICY scope_insert ON \(table) FOR INSERT WITH CHECK (\(rule));
        CREATE POLICY scope_update ON \(table) FOR UPDATE USING (\(rule)) WITH CHECK (\(rule));
        CREATE POLICY scope_delete ON \(table) FOR DELETE USING (\(rule));

        """
    }
    return sql
  }
}

/// The census rules' reads and writes on an open PostgreSQL write transaction.
struct PGCensusAccess: CensusAccess {
  let db: PGConnection

  func censusHousehold(unit: Int64, room: String) throws -> Int64? {
    try db.exec("SELECT id FROM household WHERE unit_id = $1 AND room = $2", [unit, room]).first?.get(0)
  }

  func censusLast(household: Int64) throws -> (task: Int64, at: Instant)? {
    guard
      let r = try db.exec(
        "SELECT task_id, at FROM census_check WHERE household_id = $1 FOR UPDATE", [household]
      )
      .first
    else { return nil }
    return (try r.get(0), Instant(epochSeconds: try r.get(1)))
  }

  func saveCensusCheck(_ c: CensusCheck, unit: Int64) throws {
    try db.exec(
      """
      INSERT INTO census_check VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (household_id) DO UPDATE SET task_id = excluded.task_id, unit_id = excluded.unit_id,
        at = excluded.at, verified_by = excluded.verified_by, residency = excluded.residency,
        present = excluded.present, flags = excluded.flags
      """,
      [
        c.householdID, c.taskID, unit, c.at.epochSeconds, c.by, c.residency.rawValue, c.present,
        c.flags.rawValue,
      ])
  }

  func addCensusUnit(task: Int64, unit: Int64, delta: Int) throws {
    try db.exec(
      """
      INSERT INTO census_unit AS x VALUES ($1, $2, $3)
      ON CONFLICT (task_id, unit_id) DO UPDATE SET verified = x.verified + excluded.verified
      """, [task, unit, delta])
  }

  func addCensusDay(places: [Int64], day: Int64, delta: Int) throws {
    try db.exec("SELECT wangge_add_census_day($1::bigint[], $2, $3)", [PGArray.ints(places), day, delta])
  }

  func deleteCensusCheck(household: Int64) throws {
    try db.exec("DELETE FROM census_check WHERE household_id = $1", [household])
  }
}

extension PostgresStore: CensusDesk {
  public func censusVerified(task: Int64, units: [Int64]) throws -> [Int64: Int] {
    guard !units.isEmpty else { return [:] }
    return try read { db in
      var out: [Int64: Int] = [:]
      for r in try db.exec(
        "SELECT unit_id, verified FROM census_unit WHERE task_id = $1 AND unit_id = ANY($2::bigint[]) AND verified > 0",
        [task, PGArray.ints(units)])
      {
        out[try r.get(0)] = Int(try r.get(1, as: Int64.self))
      }
      return out
    }
  }

  public func lastCensusChecks(households: [Int64]) throws -> [Int64: CensusCheck] {
    guard !households.isEmpty else { return [:] }
    return try read { db in
      var out: [Int64: CensusCheck] = [:]
      for r in try db.exec(
        """
        SELECT household_id, task_id, at, verified_by, residency, present, flags FROM census_check
        WHERE household_id = ANY($1::bigint[])
        """, [PGArray.ints(households)])
      {
        let h: Int64 = try r.get(0)
        out[h] = CensusCheck(
          householdID: h, taskID: try r.get(1), at: Instant(epochSeconds: try r.get(2)), by: try r.get(3),
          residency: CensusResidency(rawValue: try r.get(4)) ?? .resident, present: try r.get(5),
          flags: VulnerabilityFlags(rawValue: try r.get(6)))
      }
      return out
    }
  }

  public func censusShare(of place: Int64, days: Int, at now: Instant) throws -> CensusShare {
    try censusShares(of: [place], days: days, at: now)[place] ?? CensusShare(verified: 0, households: 0)
  }

  public func censusShares(of ids: [Int64], days: Int, at now: Instant) throws -> [Int64: CensusShare] {
    guard !ids.isEmpty else { return [:] }
    let w = CensusDay.window(days: days, at: now)
    return try read { db in
      var out: [Int64: CensusShare] = [:]
      for r in try db.exec(
        """
        SELECT p.id,
          coalesce((SELECT sum(d.verified) FROM census_day d
            WHERE d.place_id = p.id AND d.day BETWEEN $2 AND $3), 0)::bigint,
          coalesce((SELECT s.households FROM place_stats s WHERE s.place_id = p.id), 0)::bigint
        FROM unnest($1::bigint[]) AS p(id)
        """, [PGArray.ints(ids), w.lowerBound, w.upperBound])
      {
        out[try r.get(0)] = CensusShare(
          verified: Int(try r.get(1, as: Int64.self)), households: Int(try r.get(2, as: Int64.self)))
      }
      return out
    }
  }

  /// `verify`'s census part: the rollups against a recount from `census_check`.
  static func censusMismatches(_ db: PGConnection) throws -> [RollupMismatch] {
    var out: [RollupMismatch] = []
    for r in try db.exec(CensusRules.unitRecountSQL) {
      out.append(
        RollupMismatch(
          table: "census_unit",
          key: "task \(try r.get(0, as: Int64.self)) unit \(try r.get(1, as: Int64.self))",
          field: "verified", stored: try r.get(2), recounted: try r.get(3)))
    }
    for r in try db.exec(CensusRules.dayRecountSQL) {
      out.append(
        RollupMismatch(
          table: "census_day",
          key: "place \(try r.get(0, as: Int64.self)) day \(try r.get(1, as: Int64.self))",
          field: "verified", stored: try r.get(2), recounted: try r.get(3)))
    }
    return out
  }
}
