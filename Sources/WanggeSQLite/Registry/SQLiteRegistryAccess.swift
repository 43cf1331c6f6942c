import GRDB
import WanggeCore
import WanggeStore

/// ``RegistryAccess`` on one SQLite connection inside an open transaction; the per-row statements are
/// prepared once and driven through the C API.
final class SQLiteRegistryAccess: RegistryAccess {
  let db: Database
  private let childStmt: RawStatement
  private let householdsStmt: RawStatement
  private let insertHouseholdStmt: RawStatement
  private let updateHouseholdStmt: RawStatement
  private let insertPlaceStmt: RawStatement
  private let insertStatsStmt: RawStatement

  init(_ db: Database) throws {
    self.db = db
    childStmt = try RawStatement(db, "SELECT id FROM place WHERE parent_id = ? AND name = ?")
    householdsStmt = try RawStatement(
      db, "SELECT id, room, head_name, phone, size, reach, flags FROM household WHERE unit_id = ? ORDER BY id"
    )
    insertHouseholdStmt = try RawStatement(
      db,
      "INSERT INTO household(unit_id, room, head_name, phone, size, reach, flags) VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    insertPlaceStmt = try RawStatement(
      db, "INSERT INTO place(parent_id, depth, name, has_station) VALUES (?, ?, ?, ?)")
    insertStatsStmt = try RawStatement(db, "INSERT INTO place_stats VALUES (?, 0, 0, 0, 0, ?, 0, 0, 0, 0, 0)")
    updateHouseholdStmt = try RawStatement(
      db, "UPDATE household SET head_name = ?, phone = ?, size = ?, reach = ?, flags = ? WHERE id = ?")
  }

  func levels() throws -> LevelChain { try SQLiteStore.levels(db) }

  func rootID() throws -> Int64 { try SQLiteStore.root(db).id }

  func child(of parent: Int64, named name: String) throws -> Int64? {
    childStmt.bind([parent])
    childStmt.bindText(2, name)
    defer { childStmt.reset() }
    return try childStmt.step() ? childStmt.int(0) : nil
  }

  func children(of parent: Int64) throws -> [(id: Int64, name: String)] {
    try Row.fetchAll(
      db.cachedStatement(sql: "SELECT id, name FROM place WHERE parent_id = ? ORDER BY id"),
      arguments: [parent]
    ).map { (id: $0[0], name: $0[1]) }
  }

  func createPlace(parent: Int64, depth: Int, name: String, station: Bool) throws -> Int64 {
    insertPlaceStmt.bind([parent, Int64(depth), nil, station ? 1 : 0])
    insertPlaceStmt.bindText(3, name)
    try insertPlaceStmt.run()
    let id = db.lastInsertedRowID
    insertStatsStmt.bind([id, station ? 1 : 0])
    try insertStatsStmt.run()
    return id
  }

  func chain(of place: Int64) throws -> [Int64] {
    var out: [Int64] = []
    var next: Int64? = place
    while let id = next {
      out.append(id)
      next = try Int64.fetchOne(
        db.cachedStatement(sql: "SELECT parent_id FROM place WHERE id = ?"), arguments: [id])
    }
    return out
  }

  func households(ofUnit unit: Int64) throws -> [StoredHousehold] {
    let s = householdsStmt
    s.bind([unit])
    defer { s.reset() }
    var out: [StoredHousehold] = []
    while try s.step() {
      out.append(
        StoredHousehold(
          id: s.int(0) ?? 0, room: s.text(1) ?? "", headName: s.text(2) ?? "", phone: s.text(3) ?? "",
          people: Int(s.int(4) ?? 0), reach: Reachability(rawValue: Int(s.int(5) ?? 0)) ?? .notReached,
          flags: VulnerabilityFlags(rawValue: Int(s.int(6) ?? 0))))
    }
    return out
  }

  func insertHousehold(
    unit: Int64, room: String, headName: String, phone: String, people: Int, reach: Reachability,
    flags: VulnerabilityFlags
  ) throws -> Int64 {
    let s = insertHouseholdStmt
    s.reset()
    s.bindInt(1, unit)
    s.bindInt(5, Int64(people))
    s.bindInt(6, Int64(reach.rawValue))
    s.bindInt(7, Int64(flags.rawValue))
    try s.runBindingTexts(room, headName, phone)
    return db.lastInsertedRowID
  }

  func updateHousehold(_ h: StoredHousehold) throws {
    let s = updateHouseholdStmt
    s.bind([nil, nil, Int64(h.people), Int64(h.reach.rawValue), Int64(h.flags.rawValue), h.id])
    s.bindText(1, h.headName)
    s.bindText(2, h.phone)
    try s.run()
  }

  func household(id: Int64) throws -> (unit: Int64, household: StoredHousehold)? {
    try Row.fetchOne(
      db.cachedStatement(
        sql: "SELECT unit_id, id, room, head_name, phone, size, reach, flags FROM household WHERE id = ?"),
      arguments: [id]
    ).map {
      (
        $0[0],
        StoredHousehold(
          id: $0[1], room: $0[2], headName: $0[3], phone: $0[4], people: $0[5],
          reach: Reachability(rawValue: $0[6]) ?? .notReached, flags: VulnerabilityFlags(rawValue: $0[7]))
      )
    }
  }

  func deleteHousehold(id: Int64) throws {
    try db.execute(sql: "DELETE FROM household WHERE id = ?", arguments: [id])
  }

  var census: any CensusAccess { SQLiteCensusAccess(db: db) }

  static let leaderSelect = """
    SELECT l.id, l.name, l.phone, d.name, coalesce(s.name, ''), coalesce(s.leader_name, ''), l.home
    FROM leader l JOIN department d ON d.id = l.department_id LEFT JOIN squad s ON s.id = l.squad_id
    """

  private func leader(_ row: Row?) -> StoredLeader? {
    row.map {
      StoredLeader(
        id: $0[0], name: $0[1], phone: $0[2], department: $0[3], squad: $0[4], squadLeader: $0[5], home: $0[6]
      )
    }
  }

  func leader(phone: String) throws -> StoredLeader? {
    leader(
      try Row.fetchOne(
        db.cachedStatement(sql: Self.leaderSelect + " WHERE l.phone = ? ORDER BY l.id LIMIT 1"),
        arguments: [phone]))
  }

  func leader(id: Int64) throws -> StoredLeader? {
    leader(try Row.fetchOne(db.cachedStatement(sql: Self.leaderSelect + " WHERE l.id = ?"), arguments: [id]))
  }

  /// The department and squad ids for `l`, created when missing (a squad's leader name updated).
  private func departmentAndSquad(_ l: RegistryLeader) throws -> (Int64, Int64?) {
    let dept: Int64
    if let d = try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT id FROM department WHERE name = ? ORDER BY id LIMIT 1"),
      arguments: [l.department])
    {
      dept = d
    } else {
      try db.execute(sql: "INSERT INTO department(name) VALUES (?)", arguments: [l.department])
      dept = db.lastInsertedRowID
    }
    guard !l.squad.isEmpty else { return (dept, nil) }
    if let row = try Row.fetchOne(
      db.cachedStatement(
        sql: "SELECT id, leader_name FROM squad WHERE department_id = ? AND name = ? ORDER BY id LIMIT 1"),
      arguments: [dept, l.squad])
    {
      let id: Int64 = row[0]
      if row[1] != l.squadLeader, !l.squadLeader.isEmpty {
        try db.execute(sql: "UPDATE squad SET leader_name = ? WHERE id = ?", arguments: [l.squadLeader, id])
      }
      return (dept, id)
    }
    try db.execute(
      sql: "INSERT INTO squad(department_id, name, leader_name) VALUES (?, ?, ?)",
      arguments: [dept, l.squad, l.squadLeader])
    return (dept, db.lastInsertedRowID)
  }

  func insertLeader(_ l: RegistryLeader) throws -> Int64 {
    let (dept, squad) = try departmentAndSquad(l)
    try db.execute(
      sql: "INSERT INTO leader(name, phone, department_id, squad_id, home) VALUES (?, ?, ?, ?, ?)",
      arguments: [l.name, l.phone, dept, squad, l.home])
    return db.lastInsertedRowID
  }

  func updateLeader(id: Int64, _ l: RegistryLeader) throws {
    let (dept, squad) = try departmentAndSquad(l)
    try db.execute(
      sql: "UPDATE leader SET name = ?, phone = ?, department_id = ?, squad_id = ?, home = ? WHERE id = ?",
      arguments: [l.name, l.phone, dept, squad, l.home, id])
  }

  func unitLeader(_ unit: Int64) throws -> Int64? {
    try Int64.fetchOne(
      db.cachedStatement(sql: "SELECT leader_id FROM unit WHERE place_id = ?"), arguments: [unit])
  }

  func setUnitLeader(_ unit: Int64, leader: Int64, create: Bool) throws {
    if create {
      try db.execute(
        sql: "INSERT INTO unit(place_id, leader_id, group_built) VALUES (?, ?, 0)", arguments: [unit, leader])
    } else {
      try db.execute(sql: "UPDATE unit SET leader_id = ? WHERE place_id = ?", arguments: [leader, unit])
    }
  }

  func unitsLed(by leader: Int64) throws -> [Int64] {
    try Int64.fetchAll(
      db.cachedStatement(sql: "SELECT place_id FROM unit WHERE leader_id = ? ORDER BY place_id"),
      arguments: [leader])
  }

  func helpCase(household: Int64) throws -> StoredHelpCase? {
    try Row.fetchOne(
      db.cachedStatement(
        sql:
          "SELECT household_id, mode, helper_name, cadence, last_visit, opened_at, green, needs FROM help_case WHERE household_id = ?"
      ), arguments: [household]
    ).map {
      StoredHelpCase(
        householdID: $0[0], mode: ServiceMode(rawValue: $0[1]) ?? .phone, helper: $0[2], cadence: $0[3],
        lastVisit: $0[4], openedAt: $0[5], green: $0[6], needs: $0[7])
    }
  }

  func putHelpCase(_ c: StoredHelpCase, create: Bool) throws {
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO help_case(household_id, mode, helper_name, cadence, last_visit, opened_at, green, needs)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      arguments: [
        c.householdID, c.mode.rawValue, c.helper, c.cadence, c.lastVisit, c.openedAt, c.green, c.needs,
      ])
  }

  func deleteHelpCase(household: Int64) throws {
    try db.execute(sql: "DELETE FROM help_case WHERE household_id = ?", arguments: [household])
  }

  func moveHelpDue(household: Int64, chain: [Int64], old: Int64?, new: Int64?) throws {
    for p in chain {
      if let old {
        try db.execute(
          sql: "DELETE FROM help_due WHERE place_id = ? AND household_id = ?", arguments: [p, household])
        try db.execute(
          sql: "UPDATE help_due_hour SET count = count - 1 WHERE place_id = ? AND hour = ?",
          arguments: [p, old / 3600])
      }
      if let new {
        try db.execute(sql: "INSERT INTO help_due VALUES (?, ?, ?)", arguments: [p, household, new])
        try db.execute(
          sql: """
            INSERT INTO help_due_hour(place_id, hour, count) VALUES (?, ?, 1)
            ON CONFLICT(place_id, hour) DO UPDATE SET count = count + 1
            """, arguments: [p, new / 3600])
      }
    }
  }

  func addStats(_ deltas: [Int64: PlaceStats]) throws {
    let sets = RegistryAccessSQL.statsColumns.map { "\($0) = \($0) + ?" }.joined(separator: ", ")
    let update = try RawStatement(db, "UPDATE place_stats SET \(sets) WHERE place_id = ?")
    for place in deltas.keys.sorted() {
      update.bind(deltas[place]!.values + [place])
      try update.run()
    }
  }

  func addLevelCounts(_ deltas: [PlaceDepth: Int64]) throws {
    let upsert = try RawStatement(
      db,
      """
      INSERT INTO level_count(place_id, depth, count) VALUES (?, ?, ?)
      ON CONFLICT(place_id, depth) DO UPDATE SET count = count + excluded.count
      """)
    for key in deltas.keys.sorted() {
      upsert.bind([key.place, Int64(key.depth), deltas[key]!])
      try upsert.run()
    }
  }

  func clearDemoMark() throws { try db.execute(sql: "DELETE FROM meta WHERE key = 'demo'") }

  func audit(operator who: String, at: Instant, action: String, scope: Int64?, detail: String) throws {
    try db.execute(
      sql: "INSERT INTO audit(at, operator, action, scope_id, detail) VALUES (?, ?, ?, ?, ?)",
      arguments: [at.epochSeconds, who, action, scope, detail])
  }
}

/// Column lists shared by the registry statements.
enum RegistryAccessSQL {
  static let statsColumns = PlaceStats.columns
}
