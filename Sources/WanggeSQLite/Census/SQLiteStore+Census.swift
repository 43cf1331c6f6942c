import GRDB
import WanggeCore
import WanggeStore

/// Migration v8-census: each household's last verification by a census task, and its two rollups —
/// households verified per (census task, unit) and households last verified per (place, day).
enum CensusSchema {
  static let identifier = "v8-census"
  static let sql = """
    CREATE TABLE census_check(
      household_id INTEGER PRIMARY KEY, task_id INTEGER NOT NULL, unit_id INTEGER NOT NULL,
      at INTEGER NOT NULL, verified_by TEXT NOT NULL, residency INTEGER NOT NULL, present INTEGER NOT NULL,
      flags INTEGER NOT NULL);
    CREATE INDEX census_check_by_unit ON census_check(unit_id, task_id);
    CREATE TABLE census_unit(
      task_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, verified INTEGER NOT NULL,
      PRIMARY KEY (task_id, unit_id)) WITHOUT ROWID;
    CREATE TABLE census_day(
      place_id INTEGER NOT NULL, day INTEGER NOT NULL, verified INTEGER NOT NULL,
      PRIMARY KEY (place_id, day)) WITHOUT ROWID;
    PRAGMA user_version = 8;
    """
}

/// The census rules' reads and writes on an open SQLite write transaction.
struct SQLiteCensusAccess: CensusAccess {
  let db: Database

  func censusHousehold(unit: Int64, room: String) throws -> Int64? {
    try Int64.fetchOne(
      try db.cachedStatement(sql: "SELECT id FROM household WHERE unit_id = ? AND room = ?"),
      arguments: [unit, room])
  }

  func censusLast(household: Int64) throws -> (task: Int64, at: Instant)? {
    guard
      let row = try Row.fetchOne(
        try db.cachedStatement(sql: "SELECT task_id, at FROM census_check WHERE household_id = ?"),
        arguments: [household])
    else { return nil }
    return (row[0], Instant(epochSeconds: row[1]))
  }

  func saveCensusCheck(_ c: CensusCheck, unit: Int64) throws {
    try db.cachedStatement(sql: "INSERT OR REPLACE INTO census_check VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .execute(
        arguments: [
          c.householdID, c.taskID, unit, c.at.epochSeconds, c.by, c.residency.rawValue, c.present,
          c.flags.rawValue,
        ])
  }

  func addCensusUnit(task: Int64, unit: Int64, delta: Int) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO census_unit VALUES (?, ?, ?)
        ON CONFLICT (task_id, unit_id) DO UPDATE SET verified = verified + excluded.verified
        """
    ).execute(arguments: [task, unit, delta])
  }

  func addCensusDay(places: [Int64], day: Int64, delta: Int) throws {
    let s = try db.cachedStatement(
      sql: """
        INSERT INTO census_day VALUES (?, ?, ?)
        ON CONFLICT (place_id, day) DO UPDATE SET verified = verified + excluded.verified
        """)
    for p in places { try s.execute(arguments: [p, day, delta]) }
  }

  func deleteCensusCheck(household: Int64) throws {
    try db.execute(sql: "DELETE FROM census_check WHERE household_id = ?", arguments: [household])
  }
}

extension SQLiteStore: CensusDesk {
  public func censusVerified(task: Int64, units: [Int64]) throws -> [Int64: Int] {
    try read { db in
      var out: [Int64: Int] = [:]
      let s = try db.cachedStatement(
        sql: "SELECT verified FROM census_unit WHERE task_id = ? AND unit_id = ?")
      for u in units {
        if let n = try Int.fetchOne(s, arguments: [task, u]), n > 0 { out[u] = n }
      }
      return out
    }
  }

  public func lastCensusChecks(households: [Int64]) throws -> [Int64: CensusCheck] {
    try read { db in
      var out: [Int64: CensusCheck] = [:]
      let s = try db.cachedStatement(
        sql:
          "SELECT task_id, at, verified_by, residency, present, flags FROM census_check WHERE household_id = ?"
      )
      for h in households {
        guard let r = try Row.fetchOne(s, arguments: [h]) else { continue }
        out[h] = CensusCheck(
          householdID: h, taskID: r[0], at: Instant(epochSeconds: r[1]), by: r[2],
          residency: CensusResidency(rawValue: r[3]) ?? .resident, present: r[4],
          flags: VulnerabilityFlags(rawValue: r[5]))
      }
      return out
    }
  }

  public func censusShare(of place: Int64, days: Int, at now: Instant) throws -> CensusShare {
    try censusShares(of: [place], days: days, at: now)[place] ?? CensusShare(verified: 0, households: 0)
  }

  public func censusShares(of ids: [Int64], days: Int, at now: Instant) throws -> [Int64: CensusShare] {
    let w = CensusDay.window(days: days, at: now)
    return try read { db in
      let verified = try db.cachedStatement(
        sql: "SELECT coalesce(sum(verified), 0) FROM census_day WHERE place_id = ? AND day BETWEEN ? AND ?")
      let households = try db.cachedStatement(sql: "SELECT households FROM place_stats WHERE place_id = ?")
      var out: [Int64: CensusShare] = [:]
      for id in ids {
        out[id] = CensusShare(
          verified: try Int.fetchOne(verified, arguments: [id, w.lowerBound, w.upperBound]) ?? 0,
          households: try Int.fetchOne(households, arguments: [id]) ?? 0)
      }
      return out
    }
  }

  /// `verify`'s census part: the rollups against a recount from `census_check`.
  static func censusMismatches(_ db: Database) throws -> [RollupMismatch] {
    var out: [RollupMismatch] = []
    for r in try Row.fetchAll(db, sql: CensusRules.unitRecountSQL) {
      out.append(
        RollupMismatch(
          table: "census_unit", key: "task \(r[0] as Int64) unit \(r[1] as Int64)", field: "verified",
          stored: r[2], recounted: r[3]))
    }
    for r in try Row.fetchAll(db, sql: CensusRules.dayRecountSQL) {
      out.append(
        RollupMismatch(
          table: "census_day", key: "place \(r[0] as Int64) day \(r[1] as Int64)", field: "verified",
          stored: r[2], recounted: r[3]))
    }
    return out
  }
}
