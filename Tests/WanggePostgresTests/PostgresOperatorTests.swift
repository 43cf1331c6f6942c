import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// Operators on PostgreSQL: a station or viewer role, connected with plain SQL (as `psql` would) and
/// through `PostgresStore`, reads and writes only its scope's subtree; the audit trail is append-only.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresOperatorTests {
  /// The tiny demo on PostgreSQL with a station, a viewer and a commander; the station's compound is
  /// in the first street, `outsideUnit` in another.
  struct Grid {
    let scratch: ScratchDatabase
    let owner: PostgresStore
    let compound: Int64
    let outsideUnit: Int64
    let insideUnits: [Int64]
    let task: Int64
    let names: (station: String, viewer: String, commander: String)

    /// A plain connection as `role` (what `psql -U role` gets).
    func connect(_ role: String) throws -> PGConnection {
      try PGConnection(
        url: TestServer.url!.replacingOccurrences(of: "://postgres@", with: "://\(role):pw@"),
        database: scratch.name)
    }

    /// The store as `role`.
    func store(_ role: String) throws -> PostgresStore {
      let url = TestServer.url!.replacingOccurrences(of: "://postgres@", with: "://\(role):pw@")
      return try PostgresStore(try #require(PGTarget(url)), database: scratch.name)
    }

    func drop() {
      for n in [names.station, names.viewer, names.commander] {
        try? owner.removeOperator(named: n, by: "postgres", at: SQLiteFixture.anchor)
      }
      scratch.drop()
    }
  }

  static func grid(_ label: String) throws -> Grid {
    let sqlite = try SQLiteFixture.tinyDemo()
    defer { SQLiteFixture.remove(sqlite) }
    let scratch = try TestServer.scratch(label)
    try SQLiteFixture.load(sqlite, into: try scratch.connect())
    let owner = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    let db = try scratch.connect()
    let subtree = """
      WITH RECURSIVE t(id) AS (SELECT $1::bigint UNION ALL SELECT p.id FROM place p JOIN t ON p.parent_id = t.id)
      """
    let streets = try db.exec("SELECT id FROM place WHERE depth = 1 ORDER BY id").map {
      try $0.get(0, as: Int64.self)
    }
    #expect(streets.count >= 2)
    let compound: Int64 = try db.exec(
      "\(subtree) SELECT min(p.id) FROM place p JOIN t ON t.id = p.id WHERE p.has_station = 1", [streets[0]])[
        0
      ].get(0)
    let unitDepth: Int = try db.exec("SELECT max(depth) FROM level")[0].get(0)
    let root = try owner.root()
    let task = try #require(
      try owner.tasks(in: root.id, at: SQLiteFixture.anchor, window: .days(7)).first {
        $0.task.scopeID == root.id && $0.tally.acknowledged < $0.tally.assigned
      })
    let pending = """
      SELECT a.unit_id FROM assignment a JOIN t ON t.id = a.unit_id
      WHERE a.task_id = $2 AND a.acked_at IS NULL ORDER BY a.unit_id
      """
    let inside = try db.exec("\(subtree) \(pending)", [compound, task.task.id]).map {
      try $0.get(0, as: Int64.self)
    }
    let outside: Int64 = try db.exec("\(subtree) \(pending) LIMIT 1", [streets[1], task.task.id])[0].get(0)
    _ = unitDepth
    let tag = UInt32.random(in: 0...UInt32.max)
    let names = (station: "st_\(tag)", viewer: "vw_\(tag)", commander: "cm_\(tag)")
    for (n, role, scope) in [
      (names.station, OperatorRole.station, compound), (names.viewer, .viewer, compound),
      (names.commander, .commander, root.id),
    ] {
      try owner.addOperator(
        OperatorSpec(name: n, role: role, scopeID: scope, password: "pw"), by: "postgres",
        at: SQLiteFixture.anchor)
    }
    return Grid(
      scratch: scratch, owner: owner, compound: compound, outsideUnit: outside, insideUnits: inside,
      task: task.task.id, names: names)
  }

  @Test func aStationSeesOnlyItsSubtreeWithPlainSQL() throws {
    let g = try Self.grid("rls_read")
    defer { g.drop() }
    let admin = try g.scratch.connect()
    let subtreeHouseholds = """
      WITH RECURSIVE t(id) AS (SELECT $1::bigint UNION ALL SELECT p.id FROM place p JOIN t ON p.parent_id = t.id)
      SELECT count(*) FROM household h JOIN t ON t.id = h.unit_id
      """
    let mine: Int64 = try admin.exec(subtreeHouseholds, [g.compound])[0].get(0)
    let all: Int64 = try admin.exec("SELECT count(*) FROM household")[0].get(0)
    #expect(mine > 0 && mine < all)
    for role in [g.names.station, g.names.viewer] {
      let db = try g.connect(role)
      #expect(try db.exec("SELECT count(*) FROM household")[0].get(0, as: Int64.self) == mine)
      #expect(
        try db.exec("SELECT count(*) FROM household WHERE unit_id = $1", [g.outsideUnit])[0].get(
          0, as: Int64.self)
          == 0, "another street's households are not there")
      #expect(
        try db.exec(
          "SELECT count(*) FROM place_stats WHERE place_id = (SELECT id FROM place WHERE parent_id IS NULL)")[
            0
          ].get(0, as: Int64.self) == 0, "the root's figures are not shown")
      #expect(
        try db.exec("SELECT count(*) FROM place WHERE parent_id IS NULL")[0].get(0, as: Int64.self) == 1,
        "the root's name is")
      #expect(
        try db.exec("SELECT count(*) FROM task_tally WHERE place_id = $1", [g.compound])[0].get(
          0, as: Int64.self) > 0)
      #expect(
        try db.exec("SELECT count(*) FROM assignment WHERE unit_id = $1", [g.outsideUnit])[0].get(
          0, as: Int64.self) == 0)
    }
    let commander = try g.connect(g.names.commander)
    #expect(try commander.exec("SELECT count(*) FROM household")[0].get(0, as: Int64.self) == all)
  }

  @Test func writesOutsideTheScopeFailAndAViewerWritesNothing() throws {
    let g = try Self.grid("rls_write")
    defer { g.drop() }
    let insertEvent =
      "INSERT INTO event(id, type, at, recorded_at, source, place_id) VALUES ($1, 'ack', 1, 1, $2, $3)"
    let station = try g.connect(g.names.station)
    #expect(throws: PGError.self, "an acknowledgement outside the scope") {
      try station.exec(insertEvent, ["x-out", g.names.station, g.outsideUnit])
    }
    #expect(try station.exec(insertEvent, ["x-in", g.names.station, g.insideUnits[0]]).affectedRows == 1)
    #expect(
      try station.exec("UPDATE assignment SET acked_at = 1 WHERE unit_id = $1", [g.outsideUnit]).affectedRows
        == 0)
    let viewer = try g.connect(g.names.viewer)
    let e = #expect(throws: PGError.self) {
      try viewer.exec(insertEvent, ["x-vw", g.names.viewer, g.insideUnits[0]])
    }
    #expect(e?.sqlState == "42501")
    #expect(throws: PGError.self) { try viewer.exec("UPDATE household SET reach = 0") }
    for db in [station, try g.connect(g.names.commander), try g.scratch.connect()] {
      #expect(throws: PGError.self, "the audit trail is append-only") {
        try db.exec("UPDATE audit SET detail = ''")
      }
      #expect(throws: PGError.self) { try db.exec("DELETE FROM audit") }
    }
  }

  @Test func wanggeAsAStationReadsAndWritesItsScope() throws {
    let g = try Self.grid("rls_store")
    defer { g.drop() }
    let store = try g.store(g.names.station)
    let me = try store.currentOperator()
    #expect(me == OperatorIdentity(name: g.names.station, role: .station, scopeID: g.compound))
    let scope = try #require(try store.place(id: g.compound))
    let now = SQLiteFixture.anchor
    let figures = try store.scopeFigures(scope, at: now, window: .days(7))
    let ownerFigures = try g.owner.scopeFigures(scope, at: now, window: .days(7))
    #expect(
      figures.scope == ownerFigures.scope
        && figures.children.map(\.figures) == ownerFigures.children.map(\.figures),
      "the station's own figures are the owner's")
    #expect(!(try store.path(of: g.compound).segments.isEmpty))
    let ack = { (id: String, unit: Int64) in
      GridEvent(id: id, at: now - .minutes(5), kind: .acknowledged(task: g.task, unit: .id(unit)))
    }
    let summary = try store.ingest([ack("op-1", g.insideUnits[0])], recordedAt: now, source: g.names.station)
    #expect(summary.applied == 1)
    #expect(throws: StoreError.self, "a unit outside the scope is unknown to the station") {
      try store.ingest([ack("op-2", g.outsideUnit)], recordedAt: now, source: g.names.station)
    }
    let receipt = try store.dispatch(
      DispatchRequest(
        scopeID: g.compound, type: .notice, title: "通知", operatorName: g.names.station, issuedAt: now))
    #expect(receipt.assignments == g.insideUnits.count || receipt.assignments > 0)
    #expect(try g.owner.verify().isEmpty, "the rollups above the scope were kept too")
    let rootTally = try g.owner.tasks(in: try g.owner.root().id, at: now, window: .days(7)).first {
      $0.task.id == receipt.taskID
    }
    #expect(rootTally?.tally.assigned == receipt.assignments, "the root counts the station's dispatch")
  }

  @Test func aRevealIsAuditedAndListed() throws {
    let g = try Self.grid("reveal")
    defer { g.drop() }
    let commander = try g.store(g.names.commander)
    let household = try #require(try commander.households(ofUnit: g.insideUnits[0]).first).household.id
    let now = SQLiteFixture.anchor
    let shown = try commander.reveal(household: household, reason: "送药联系", by: g.names.commander, at: now)
    #expect(!shown.phone.isEmpty)
    #expect(throws: OperatorError.badReason) {
      try commander.reveal(household: household, reason: " ", by: g.names.commander, at: now)
    }
    let station = try g.store(g.names.station)
    let outside = try #require(try g.owner.households(ofUnit: g.outsideUnit).first).household.id
    #expect(
      throws: OperatorError.notAllowed(operator: g.names.station, role: .station, action: .reveal),
      "a station may not reveal"
    ) {
      try station.reveal(household: outside, reason: "test", by: g.names.station, at: now)
    }
    #expect(throws: OperatorError.unknownHousehold(-1)) {
      try commander.reveal(household: -1, reason: "test", by: g.names.commander, at: now)
    }
    let trail = try g.owner.auditTrail(AuditQuery(operatorName: g.names.commander))
    #expect(trail.map(\.action) == ["reveal"])
    #expect(trail.first?.detail.contains("送药联系") == true)
    #expect(try station.auditTrail(AuditQuery()).allSatisfy { $0.scopeID != nil })
    let ops = try g.owner.operators().map(\.name)
    #expect(ops.contains(g.names.station) && ops.contains(g.names.viewer))
  }
}
