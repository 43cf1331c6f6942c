import Foundation
import Testing
import WanggeCore
@testable import WanggePostgres
@testable import WanggeSQLite
import WanggeStore

/// Everyday registry changes through `ingest` on PostgreSQL leave the same rows and rollup rows as on
/// SQLite (where `verify` finds them exact); a refused change writes nothing; a resend is a duplicate.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresRegistryChangeTests {
  static let at = SQLiteFixture.anchor
  static let a = PostgresLedgerTests.unitA.description
  static let b = PostgresLedgerTests.unitB.description

  static func event(_ id: String, _ type: String, _ fields: [String: Any]) -> GridEvent {
    var obj = fields
    obj["id"] = id
    obj["type"] = type
    obj["at"] = InstantFormat.iso(at)
    let data = try! JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
    switch EventLineParser.parse(Substring(String(decoding: data, as: UTF8.self))) {
    case .success(let e): return e
    case .failure(let p): fatalError("\(id): \(p.field): \(p.problem)")
    }
  }

  static let steps: [GridEvent] = [
    event("r1", "leader_replace", ["unit": a, "name": "周七", "phone": "13900000002"]),
    event("r2", "move_in", ["unit": b, "room": "302", "head": "钱八", "phone": "13800003020", "people": 3]),
    event("r3", "vacant", ["unit": a, "room": "102"]),
    event("r4", "move_in", ["unit": a, "room": "102", "head": "孙九", "phone": "13800001021", "people": 1]),
    event("r5", "help_open", ["unit": b, "room": "302", "mode": "visit", "helper": "赵六", "cadence": "3d"]),
    event("r6", "help_change", ["unit": b, "room": "302", "cadence": "1d", "mode": "phone"]),
    event("r7", "help_close", ["unit": b, "room": "301", "reason": "已康复"]),
    event("r8", "move_out", ["unit": b, "room": "302", "reason": "搬离"]),
    event("r9", "leader_replace", ["unit": b, "name": "吴十", "phone": "13900000003", "department": "市税务局"]),
  ]

  @Test func changesLikeTheSQLiteEngine() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wangge-pg-change-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("s.sqlite").path
    try SQLiteStore.initialize(at: path, root: "蛟河市", levels: PostgresLedgerTests.levels)
    let sqlite = try SQLiteStore(path: path)
    let scratch = try TestServer.scratch("change")
    defer { scratch.drop() }
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    try pg.initialize(root: "蛟河市", levels: PostgresLedgerTests.levels)
    let check = try scratch.connect()
    _ = try PostgresLedgerTests.run(sqlite, PostgresLedgerTests.rows)
    _ = try PostgresLedgerTests.run(pg, PostgresLedgerTests.rows)

    for step in Self.steps {
      let x = try sqlite.ingest([step], recordedAt: Self.at, source: "站长")
      let y = try pg.ingest([step], recordedAt: Self.at, source: "站长")
      #expect(x == y, "\(step.id)")
      #expect(y.applied == 1, "\(step.id)")
      #expect(try sqlite.verify() == [], "\(step.id)")
      #expect(try PostgresLedgerTests.rollups(check) == PostgresLedgerTests.rollups(sqlite), "\(step.id)")
    }
    #expect(try pg.verify() == [])
    let station = try sqlite.resolve(PlacePath(segments: Array(PostgresLedgerTests.unitA.segments.prefix(4))))
    #expect(
      try sqlite.stationUnits(under: station.id, at: Self.at, window: .days(7))
        == pg.stationUnits(under: station.id, at: Self.at, window: .days(7)))
    let trail = try pg.auditTrail(AuditQuery(limit: 50)).filter { $0.operatorName == "站长" }
    #expect(
      trail.map(\.action)
        == (try sqlite.auditTrail(AuditQuery(limit: 50)).filter { $0.operatorName == "站长" }.map(\.action)))
    #expect(trail.count == Self.steps.count)

    #expect(try pg.ingest(Self.steps, recordedAt: Self.at, source: "站长").duplicates == Self.steps.count)
    let before = try PostgresLedgerTests.rollups(check)
    let bad = Self.event(
      "x1", "move_in", ["unit": Self.a, "room": "101", "head": "某", "phone": "13800009999", "people": 1])
    let good = Self.event(
      "x0", "move_in", ["unit": Self.a, "room": "909", "head": "某", "phone": "13800009998", "people": 1])
    #expect(
      throws: StoreError.rejected([
        EventRejection(
          index: 1,
          problem: FieldProblem(
            field: "room",
            problem: "room 101 of unit 7 has household 1; record its move_out first (or mark it vacant)"))
      ])
    ) {
      try pg.ingest([good, bad], recordedAt: Self.at, source: "站长")
    }
    #expect(try PostgresLedgerTests.rollups(check) == before)
  }
}
