import Foundation
import GRDB
import Testing
import WanggeCore
@testable import WanggePostgres
@testable import WanggeSQLite
import WanggeStore

/// The registry import on PostgreSQL does what it does on SQLite: the same summaries, the same
/// exported rows and the same rollup rows (which `verify` finds exact on SQLite), nothing written on a
/// check or a problem.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresLedgerTests {
  static let at = SQLiteFixture.anchor
  static let levels = LevelChain(names: ["市", "街道", "社区", "居民委", "小区", "楼栋", "单元"], stationDepth: 4)
  static let unitA = PlacePath(parsing: "河北街道/水映花城社区/第一居民委/水映花城小区/1号楼/1单元")
  static let unitB = PlacePath(parsing: "河北街道/水映花城社区/第一居民委/水映花城小区/2号楼/1单元")

  static func household(_ unit: PlacePath, _ room: String, people: Int = 2) -> RegistryRow {
    .household(
      RegistryHousehold(
        path: unit, room: room, headName: "张" + room, phone: "1380000" + room + "0", people: people,
        flags: [.noSmartphone], reach: .phoneOnly))
  }

  static func leader(_ unit: PlacePath, _ name: String, _ phone: String) -> RegistryRow {
    .leader(
      RegistryLeader(
        path: unit, name: name, phone: phone, department: "市教育局", squad: "第二组", squadLeader: "王五",
        home: "河南街道"))
  }

  static let rows: [RegistryRow] = [
    household(unitA, "101"), household(unitA, "102", people: 4), household(unitB, "301"),
    leader(unitA, "李四", "13900000001"), leader(unitB, "李四", "13900000001"),
    .help(
      RegistryHelpCase(
        path: unitB, room: "301", headName: "", mode: .homeVisit, helper: "赵六", cadence: .hours(36),
        needs: "送药",
        greenChannel: true, lastVisit: nil, openedAt: nil)),
  ]

  static func run(_ s: any LedgerDesk, _ rows: [RegistryRow], check: Bool = false) throws -> ImportOutcome {
    try s.importLedger(scope: nil, check: check, operator: "test", at: at) { run in
      for (i, r) in rows.enumerated() { try run.add(r, file: "t.csv", rowNumber: i + 2) }
    }
  }

  static let rollupQueries = [
    "SELECT place_id, households, people, units, leaders, stations, groups_built, reached_group, reached_phone, help_cases, green_open FROM place_stats ORDER BY place_id",
    "SELECT place_id, depth, count FROM level_count WHERE count <> 0 ORDER BY place_id, depth",
    "SELECT place_id, household_id, due_at FROM help_due ORDER BY place_id, household_id",
    "SELECT place_id, hour, count FROM help_due_hour WHERE count <> 0 ORDER BY place_id, hour",
    "SELECT id, parent_id, depth, name, has_station FROM place ORDER BY id",
    "SELECT id, unit_id, room, head_name, phone, size, reach, flags FROM household ORDER BY id",
  ]

  static func rollups(_ s: SQLiteStore) throws -> [[String]] {
    try s.pool.read { db in
      try rollupQueries.map { q in
        try Row.fetchAll(db, sql: q).map { r in
          (0..<r.count).map { i -> String in
            switch (r[i] as DatabaseValue).storage {
            case .null: "NULL"
            case .int64(let v): String(v)
            case .string(let t): t
            default: "?"
            }
          }.joined(separator: ",")
        }
      }
    }
  }

  static func rollups(_ db: PGConnection) throws -> [[String]] {
    try rollupQueries.map { q in
      let result = try db.exec(q)
      return result.map { r in
        (0..<result.columnCount).map { i in
          r.text(i) ?? "NULL"
        }.joined(separator: ",")
      }
    }
  }

  @Test func importsLikeTheSQLiteEngine() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wangge-pg-ledger-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("s.sqlite").path
    try SQLiteStore.initialize(at: path, root: "蛟河市", levels: Self.levels)
    let sqlite = try SQLiteStore(path: path)
    let scratch = try TestServer.scratch("ledger")
    defer { scratch.drop() }
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    try pg.initialize(root: "蛟河市", levels: Self.levels)
    #expect(throws: StoreError.self) { try pg.initialize(root: "蛟河市", levels: Self.levels) }
    #expect(try pg.levels() == sqlite.levels())
    #expect(try !pg.isDemo())
    let check = try scratch.connect()

    let steps: [[RegistryRow]] = [
      Self.rows, Self.rows,
      [Self.household(Self.unitA, "102", people: 6), Self.leader(Self.unitB, "周七", "13900000002")],
    ]
    for rows in steps {
      let a = try Self.run(sqlite, rows)
      let b = try Self.run(pg, rows)
      #expect(a.summary == b.summary)
      #expect(b.written)
      #expect(try sqlite.verify() == [])
      let (x, y) = (try Self.rollups(check), try Self.rollups(sqlite))
      #expect(x == y)
    }
    #expect(try Self.run(pg, Self.rows).summary.counts[.households]?.changes == 1)  // 102 back to 4 people
    _ = try Self.run(sqlite, Self.rows)

    // A check and a run with a problem write nothing.
    let before = try Self.rollups(check)
    #expect(!(try Self.run(pg, [Self.household(Self.unitB, "302")], check: true)).written)
    let bad = try Self.run(
      pg,
      [
        Self.household(Self.unitB, "303"),
        .help(
          RegistryHelpCase(
            path: Self.unitB, room: "999", headName: "", mode: .phone, helper: "赵六", cadence: .days(2),
            needs: "",
            greenChannel: false, lastVisit: nil, openedAt: nil)),
      ])
    #expect(!bad.written)
    #expect(bad.problems.map(\.row) == [3])
    #expect(try Self.rollups(check) == before)

    for kind in RegistryKind.allCases {
      var a: [RegistryRow] = []
      var b: [RegistryRow] = []
      try sqlite.exportLedger(kind, scope: try sqlite.root()) { a.append($0) }
      try pg.exportLedger(kind, scope: try pg.root()) { b.append($0) }
      #expect(a == b, "\(kind)")
      #expect(!a.isEmpty, "\(kind)")
    }
  }
}
