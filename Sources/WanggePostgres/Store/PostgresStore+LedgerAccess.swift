import WanggeCore
import WanggeStore

/// ``RegistryAccess`` on one PostgreSQL connection inside an open transaction. New rows take the next
/// id after the largest (imports are serialised by an advisory lock, see `PostgresStore+Ledger`).
final class PostgresRegistryAccess: RegistryAccess {
  let db: PGConnection
  private var nextIDs: [String: Int64] = [:]

  init(_ db: PGConnection) { self.db = db }

  private func nextID(_ table: String) throws -> Int64 {
    let id: Int64
    if let n = nextIDs[table] {
      id = n
    } else {
      id = try db.exec("SELECT coalesce(max(id), 0) + 1 FROM \(table)")[0].get(0)
    }
    nextIDs[table] = id + 1
    return id
  }

  func levels() throws -> LevelChain { try PostgresStore.levels(db) }
  func rootID() throws -> Int64 { try PostgresStore.root(db).id }

  func child(of parent: Int64, named name: String) throws -> Int64? {
    try db.exec("SELECT id FROM place WHERE parent_id = $1 AND name = $2", [parent, name]).first?.get(0)
  }

  func children(of parent: Int64) throws -> [(id: Int64, name: String)] {
    try db.exec("SELECT id, name FROM place WHERE parent_id = $1 ORDER BY id", [parent]).map {
      (id: try $0.get(0), name: try $0.get(1))
    }
  }

  func createPlace(parent: Int64, depth: Int, name: String, station: Bool) throws -> Int64 {
    let id = try nextID("place")
    try db.exec(
      "INSERT INTO place(id, parent_id, depth, name, has_station) VALUES ($1, $2, $3, $4, $5)",
      [id, parent, depth, name, station ? 1 : 0])
    try db.exec("INSERT INTO place_stats VALUES ($1, 0, 0, 0, 0, $2, 0, 0, 0, 0, 0)", [id, station ? 1 : 0])
    return id
  }

  func chain(of place: Int64) throws -> [Int64] {
    var out: [Int64] = []
    var next: Int64? = place
    while let id = next {
      out.append(id)
      next = try db.exec("SELECT parent_id FROM place WHERE id = $1", [id]).first?.optional(0)
    }
    return out
  }

  func households(ofUnit unit: Int64) throws -> [StoredHousehold] {
    try db.exec(
      "SELECT id, room, head_name, phone, size, reach, flags FROM household_shown WHERE unit_id = $1 ORDER BY id",
      [unit]
    ).map {
      StoredHousehold(
        id: try $0.get(0), room: try $0.get(1), headName: try $0.get(2), phone: try $0.get(3),
        people: try $0.get(4), reach: Reachability(rawValue: try $0.get(5)) ?? .notReached,
        flags: VulnerabilityFlags(rawValue: try $0.get(6)))
    }
  }

  func insertHousehold(
    unit: Int64, room: String, headName: String, phone: String, people: Int, reach: Reachability,
    flags: VulnerabilityFlags
  ) throws -> Int64 {
    let id = try nextID("household")
    try db.exec(
      "INSERT INTO household(id, unit_id, room, head_name, phone, size, reach, flags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      [id, unit, room, headName, phone, people, reach.rawValue, flags.rawValue])
    return id
  }

  func household(id: Int64) throws -> (unit: Int64, household: StoredHousehold)? {
    try db.exec(
      "SELECT unit_id, id, room, head_name, phone, size, reach, flags FROM household WHERE id = $1 FOR UPDATE",
      [id]
    ).first.map {
      (
        try $0.get(0),
        StoredHousehold(
          id: try $0.get(1), room: try $0.get(2), headName: try $0.get(3), phone: try $0.get(4),
          people: try $0.get(5), reach: Reachability(rawValue: try $0.get(6)) ?? .notReached,
          flags: VulnerabilityFlags(rawValue: try $0.get(7)))
      )
    }
  }

  func deleteHousehold(id: Int64) throws {
    try db.exec("DELETE FROM household WHERE id = $1", [id])
  }

  var census: any CensusAccess { PGCensusAccess(db: db) }

  func updateHousehold(_ h: StoredHousehold) throws {
    try db.exec(
      "UPDATE household SET head_name = $1, phone = $2, size = $3, reach = $4, flags = $5 WHERE id = $6",
      [h.headName, h.phone, h.people, h.reach.rawValue, h.flags.rawValue, h.id])
  }

  static let leaderSelect = """
    SELECT l.id, l.name, l.phone, d.name, coalesce(s.name, ''), coalesce(s.leader_name, ''), l.home
    FROM leader l JOIN department d ON d.id = l.department_id LEFT JOIN squad s ON s.id = l.squad_id
    """

  private func leader(_ row: PGRow?) throws -> StoredLeader? {
    guard let r = row else { return nil }
    return StoredLeader(
      id: try r.get(0), name: try r.get(1), phone: try r.get(2), department: try r.get(3),
      squad: try r.get(4),
      squadLeader: try r.get(5), home: try r.get(6))
  }

  func leader(phone: String) throws -> StoredLeader? {
    try leader(db.exec(Self.leaderSelect + " WHERE l.phone = $1 ORDER BY l.id LIMIT 1", [phone]).first)
  }

  func leader(id: Int64) throws -> StoredLeader? {
    try leader(db.exec(Self.leaderSelect + " WHERE l.id = $1", [id]).first)
  }

  private func departmentAndSquad(_ l: RegistryLeader) throws -> (Int64, Int64?) {
    let dept: Int64
    if let d: Int64 = try db.exec(
      "SELECT id FROM department WHERE name = $1 ORDER BY id LIMIT 1", [l.department]
    ).first?.get(0) {
      dept = d
    } else {
      dept = try nextID("department")
      try db.exec("INSERT INTO department(id, name) VALUES ($1, $2)", [dept, l.department])
    }
    guard !l.squad.isEmpty else { return (dept, nil) }
    if let row = try db.exec(
      "SELECT id, leader_name FROM squad WHERE department_id = $1 AND name = $2 ORDER BY id LIMIT 1",
      [dept, l.squad]
    ).first {
      let id: Int64 = try row.get(0)
      if try row.get(1, as: String.self) != l.squadLeader, !l.squadLeader.isEmpty {
        try db.exec("UPDATE squad SET leader_name = $1 WHERE id = $2", [l.squadLeader, id])
      }
      return (dept, id)
    }
    let id = try nextID("squad")
    try db.exec(
      "INSERT INTO squad(id, department_id, name, leader_name) VALUES ($1, $2, $3, $4)",
      [id, dept, l.squad, l.squadLeader])
    return (dept, id)
  }

  func insertLeader(_ l: RegistryLeader) throws -> Int64 {
    let (dept, squad) = try departmentAndSquad(l)
    let id = try nextID("leader")
    try db.exec(
      "INSERT INTO leader(id, name, phone, department_id, squad_id, home) VALUES ($1, $2, $3, $4, $5, $6)",
      [id, l.name, l.phone, dept, squad, l.home])
    return id
  }

  func updateLeader(id: Int64, _ l: RegistryLeader) throws {
    let (dept, squad) = try departmentAndSquad(l)
    try db.exec(
      "UPDATE leader SET name = $1, phone = $2, department_id = $3, squad_id = $4, home = $5 WHERE id = $6",
      [l.name, l.phone, dept, squad, l.home, id])
  }

  func unitLeader(_ unit: Int64) throws -> Int64? {
    try db.exec("SELECT leader_id FROM unit WHERE place_id = $1", [unit]).first?.get(0)
  }

  func setUnitLeader(_ unit: Int64, leader: Int64, create: Bool) throws {
    if create {
      try db.exec("INSERT INTO unit(place_id, leader_id, group_built) VALUES ($1, $2, 0)", [unit, leader])
    } else {
      try db.exec("UPDATE unit SET leader_id = $1 WHERE place_id = $2", [leader, unit])
    }
  }

  func unitsLed(by leader: Int64) throws -> [Int64] {
    try db.exec("SELECT place_id FROM unit WHERE leader_id = $1 ORDER BY place_id", [leader]).map {
      try $0.get(0)
    }
  }

  func helpCase(household: Int64) throws -> StoredHelpCase? {
    try db.exec(
      "SELECT household_id, mode, helper_name, cadence, last_visit, opened_at, green, needs FROM help_case WHERE household_id = $1",
      [household]
    ).first.map {
      StoredHelpCase(
        householdID: try $0.get(0), mode: ServiceMode(rawValue: try $0.get(1)) ?? .phone,
        helper: try $0.get(2),
        cadence: try $0.get(3), lastVisit: try $0.optional(4), openedAt: try $0.get(5),
        green: try $0.get(6, as: Int.self) != 0, needs: try $0.get(7))
    }
  }

  func putHelpCase(_ c: StoredHelpCase, create: Bool) throws {
    try db.exec(
      """
      INSERT INTO help_case(household_id, mode, helper_name, cadence, last_visit, opened_at, green, needs)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
      ON CONFLICT (household_id) DO UPDATE SET mode = excluded.mode, helper_name = excluded.helper_name,
        cadence = excluded.cadence, last_visit = excluded.last_visit, opened_at = excluded.opened_at,
        green = excluded.green, needs = excluded.needs
      """,
      [
        c.householdID, c.mode.rawValue, c.helper, c.cadence, c.lastVisit, c.openedAt, c.green ? 1 : 0,
        c.needs,
      ])
  }

  func deleteHelpCase(household: Int64) throws {
    try db.exec("DELETE FROM help_case WHERE household_id = $1", [household])
  }

  func moveHelpDue(household: Int64, chain: [Int64], old: Int64?, new: Int64?) throws {
    for p in chain {
      if let old {
        try db.exec("DELETE FROM help_due WHERE place_id = $1 AND household_id = $2", [p, household])
        try db.exec(
          "UPDATE help_due_hour SET count = count - 1 WHERE place_id = $1 AND hour = $2", [p, old / 3600])
      }
      if let new {
        try db.exec("INSERT INTO help_due VALUES ($1, $2, $3)", [p, household, new])
        try db.exec(
          """
          INSERT INTO help_due_hour(place_id, hour, count) VALUES ($1, $2, 1)
          ON CONFLICT (place_id, hour) DO UPDATE SET count = help_due_hour.count + 1
          """, [p, new / 3600])
      }
    }
  }

  func addStats(_ deltas: [Int64: PlaceStats]) throws {
    let columns = [
      "households", "people", "units", "leaders", "stations", "groups_built", "reached_group",
      "reached_phone", "help_cases", "green_open",
    ]
    let sets = columns.enumerated().map { "\($0.element) = \($0.element) + $\($0.offset + 1)" }
      .joined(separator: ", ")
    for place in deltas.keys.sorted() {
      let values: [(any PGBindable)?] = deltas[place]!.values.map { $0 } + [place]
      try db.exec("UPDATE place_stats SET \(sets) WHERE place_id = $11", values)
    }
  }

  func addLevelCounts(_ deltas: [PlaceDepth: Int64]) throws {
    for key in deltas.keys.sorted() {
      try db.exec(
        """
        INSERT INTO level_count(place_id, depth, count) VALUES ($1, $2, $3)
        ON CONFLICT (place_id, depth) DO UPDATE SET count = level_count.count + excluded.count
        """, [key.place, key.depth, deltas[key]!])
    }
  }

  func clearDemoMark() throws { try db.exec("DELETE FROM meta WHERE key = 'demo'") }

  func audit(operator who: String, at: Instant, action: String, scope: Int64?, detail: String) throws {
    try db.exec(
      "INSERT INTO audit(at, operator, action, scope_id, detail) VALUES ($1, $2, $3, $4, $5)",
      [at.epochSeconds, who, action, scope, detail])
  }
}
