import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Registry import and export through the contract (``LedgerDesk``), for every engine: idempotent
/// upsert, all or nothing, `check` writes nothing, rollups exact, the demo mark cleared.
@Suite struct LedgerConformanceTests {
  static let at = ConformanceEngine.anchor
  static let unitA = PlacePath(parsing: "河北街道/水映花城社区/第一居民委/水映花城小区/1号楼/1单元")
  static let unitB = PlacePath(parsing: "河北街道/水映花城社区/第一居民委/水映花城小区/1号楼/2单元")

  static func household(_ unit: PlacePath, _ room: String, people: Int = 2, reach: Reachability? = nil)
    -> RegistryRow
  {
    .household(
      RegistryHousehold(
        path: unit, room: room, headName: "张" + room, phone: "1380000" + room + "0", people: people,
        flags: [.elderlyAlone], reach: reach))
  }

  static func leader(_ unit: PlacePath, name: String, phone: String) -> RegistryRow {
    .leader(
      RegistryLeader(
        path: unit, name: name, phone: phone, department: "市教育局", squad: "第一组", squadLeader: "王五", home: ""))
  }

  static let rows: [RegistryRow] = [
    household(unitA, "101"), household(unitA, "201", people: 3, reach: .inGroup), household(unitB, "101"),
    leader(unitA, name: "李四", phone: "13900000001"), leader(unitB, name: "李四", phone: "13900000001"),
    .help(
      RegistryHelpCase(
        path: unitA, room: "101", headName: "张101", mode: .phone, helper: "赵六", cadence: .days(2),
        needs: "买药",
        greenChannel: true, lastVisit: nil, openedAt: nil)),
  ]

  func fresh(_ e: ConformanceEngine) throws -> any GridStore {
    let spec = e.newSpec("init")
    try e.engine.initialize(
      at: spec, root: "蛟河市",
      levels: LevelChain(names: ["市", "街道", "社区", "居民委", "小区", "楼栋", "单元"], stationDepth: 4))
    return try e.engine.open(spec, mode: .write)
  }

  @discardableResult
  func load(_ s: any GridStore, _ rows: [RegistryRow], check: Bool = false, scope: PlacePath? = nil) throws
    -> ImportOutcome
  {
    try s.importLedger(scope: scope, check: check, operator: "test", at: Self.at) { run in
      for (i, r) in rows.enumerated() { try run.add(r, file: "t.csv", rowNumber: i + 2) }
    }
  }

  func households(_ s: any GridStore) throws -> [RegistryRow] {
    var out: [RegistryRow] = []
    try s.exportLedger(.households, scope: try s.root()) { out.append($0) }
    return out
  }

  @Test(arguments: ConformanceEngine.all) func importsIdempotentlyWithExactRollups(_ e: ConformanceEngine)
    throws
  {
    let s = try fresh(e)
    #expect(try !s.isDemo())
    let first = try load(s, Self.rows)
    #expect(first.written)
    #expect(first.problems.isEmpty)
    #expect(first.summary.counts[.households] == ImportCounts(added: 3))
    #expect(first.summary.counts[.leaders] == ImportCounts(added: 2))
    #expect(first.summary.counts[.help] == ImportCounts(added: 1))
    #expect(first.summary.placesCreated == 7)
    #expect(try s.verify() == [])
    let figures = try s.scopeFigures(try s.root(), at: Self.at, window: .days(7))
    #expect(figures.scope.households == 3)
    #expect(figures.scope.units == 2)
    #expect(figures.scope.unitLeaders == 1)

    let again = try load(s, Self.rows)
    #expect(again.summary.changes == 0)
    #expect(again.summary.rows == Self.rows.count)

    var changed = Self.rows
    changed[1] = Self.household(Self.unitA, "201", people: 5, reach: .inGroup)
    let third = try load(s, changed)
    #expect(third.summary.counts[.households] == ImportCounts(added: 0, changed: 1, unchanged: 2))
    #expect(try s.verify() == [])
    #expect(try s.scopeFigures(try s.root(), at: Self.at, window: .days(7)).scope.people == 9)
  }

  @Test(arguments: ConformanceEngine.all) func checkAndProblemsWriteNothing(_ e: ConformanceEngine) throws {
    let s = try fresh(e)
    try load(s, Self.rows)
    let before = try households(s)
    let token = try s.changeToken()
    let check = try load(s, [Self.household(Self.unitB, "301")], check: true)
    #expect(!check.written)
    #expect(check.summary.counts[.households] == ImportCounts(added: 1))
    // A help case for a household that does not exist: the good row before it is not written either.
    let bad = try load(
      s,
      [
        Self.household(Self.unitB, "401"),
        .help(
          RegistryHelpCase(
            path: Self.unitB, room: "999", headName: "", mode: .phone, helper: "赵六", cadence: .days(2),
            needs: "",
            greenChannel: false, lastVisit: nil, openedAt: nil)),
      ])
    #expect(!bad.written)
    #expect(bad.problems.map(\.row) == [3])
    // A row the feed refused (a bad cell) stops the run too.
    let refused = try s.importLedger(scope: nil, check: false, operator: "test", at: Self.at) { run in
      try run.add(Self.household(Self.unitB, "501"), file: "t.csv", rowNumber: 2)
      run.refuse()
    }
    #expect(!refused.written)
    let outside = try load(
      s, [Self.household(Self.unitB, "601")], scope: PlacePath(parsing: "河北街道/别的社区"))
    #expect(!outside.written)
    #expect(outside.problems.first?.column == "社区")
    #expect(try households(s) == before)
    if e.tokenIgnoresRollbacks { #expect(try s.changeToken() == token) }
    #expect(try s.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all) func replacesALeaderKeepingLeaderCountsExact(_ e: ConformanceEngine)
    throws
  {
    let s = try fresh(e)
    try load(s, Self.rows)
    let out = try load(s, [Self.leader(Self.unitB, name: "周七", phone: "13900000002")])
    // Keyed by unit and phone: a new leader of a unit is a row added (the unit changes hands).
    #expect(out.summary.counts[.leaders] == ImportCounts(added: 1))
    #expect(try s.verify() == [])
    #expect(try s.scopeFigures(try s.root(), at: Self.at, window: .days(7)).scope.unitLeaders == 2)
    var leaders: [RegistryRow] = []
    try s.exportLedger(.leaders, scope: try s.root()) { leaders.append($0) }
    #expect(leaders.count == 2)
    #expect(leaders.last == Self.leader(Self.unitB, name: "周七", phone: "13900000002"))
  }

  @Test(arguments: ConformanceEngine.all) func exportsWhatItImported(_ e: ConformanceEngine) throws {
    let s = try fresh(e)
    try load(s, Self.rows)
    let exported = try households(s)
    #expect(exported.count == 3)
    let t = try fresh(e)
    try load(t, exported)
    #expect(try households(t) == exported)
    #expect(try load(t, exported).summary.changes == 0)
  }

  @Test(arguments: ConformanceEngine.all) func importIntoADemoStoreClearsItsMark(_ e: ConformanceEngine)
    throws
  {
    let s = try e.store()
    #expect(try s.isDemo())
    let unit = try s.path(of: try firstUnit(s))
    let out = try load(s, [Self.household(unit, "9901")])
    #expect(out.written)
    #expect(try !s.isDemo())
    #expect(try s.verify() == [])
  }

  func firstUnit(_ s: any GridStore) throws -> Int64 {
    var p = try s.root()
    while let c = try s.children(of: p.id).first { p = c }
    return p.id
  }
}
