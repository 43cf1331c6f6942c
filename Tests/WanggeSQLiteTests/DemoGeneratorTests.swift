import Foundation
import Testing
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// The demo reproduces the articles' figures, is deterministic, private, and its rollups agree with a recount.
@Suite(.serialized) struct DemoGeneratorTests {
  @Test func jiaoheReproducesTheReportedFigures() throws {
    let store = try TestStores.make(.jiaohe, seed: 1)
    defer { TestStores.cleanup(store) }
    let root = try store.root()
    #expect(root.name == "蛟河市")
    let report = try PlaceReport.make(store: store, scope: root, at: TestStores.anchor, window: .days(7))
    let levels = Dictionary(uniqueKeysWithValues: report.levelCounts.map { ($0.name, $0.count) })
    #expect(levels["街道"] == 3)
    #expect(levels["社区"] == 19)
    #expect(levels["居民委"] == 145)
    #expect(levels["楼栋"] == 1165)
    #expect(levels["单元"] == 4868)
    let f = report.scope.figures
    #expect(f.households == 65196)
    #expect(f.units == 4868)
    #expect(f.unitLeaders == 4827)
    #expect(f.groupsBuilt == 4827)
    #expect(report.children.map(\.place.name) == ["长安街道", "民主街道", "河北街道"])
    // Rates are realistic: neither 0 % nor 100 %.
    let response = try #require(f.responseRate)
    #expect(response > 0.5 && response < 0.98)
    let coverage = try #require(f.coverageRate)
    #expect(coverage > 0.8 && coverage < 1)
    #expect(f.helpCases > 250 && f.helpCases < 400)  // about 0.5 %
    #expect(f.helpOverdue > 0 && f.helpOverdue < f.helpCases)
    #expect(f.acknowledgementsOverdue > 0)
    // Departments as reported: 81, Education 1,644 leaders, Police 123 in 14 squads.
    let counts: [Int?] = try store.pool.read { db in
      let q = [
        "SELECT count(*) FROM department",
        "SELECT count(*) FROM leader l JOIN department d ON d.id = l.department_id WHERE d.name = '教育局'",
        "SELECT count(*) FROM leader l JOIN department d ON d.id = l.department_id WHERE d.name = '公安局'",
        "SELECT count(*) FROM squad s JOIN department d ON d.id = s.department_id WHERE d.name = '公安局'",
        "SELECT count(*) FROM unit WHERE leader_id IS NULL",
        "SELECT count(*) FROM (SELECT leader_id FROM unit GROUP BY 1 HAVING count(*) = 2)",
        "SELECT count(*) FROM household WHERE phone NOT LIKE '140________'",  // fictional 140… mobiles
      ]
      return try q.map { try Int.fetchOne(db, sql: $0) }
    }
    #expect(counts == [81, 1644, 123, 14, 0, 41, 0])
    // The documented example path exists.
    let unit = try store.resolve(PlacePath(parsing: "河北街道/水映花城社区/水映花城居民委/水映花城小区/12号楼/3单元"))
    #expect(unit.depth == 6)
    #expect(try store.verify().isEmpty)
  }

  @Test func sameSeedAndAnchorGiveTheSameStoreAndTheFileIsPrivate() throws {
    let a = try TestStores.make(.tiny, seed: 3)
    let b = try TestStores.make(.tiny, seed: 3)
    let c = try TestStores.make(.tiny, seed: 4)
    defer { [a, b, c].forEach(TestStores.cleanup) }
    #expect(try TestStores.dump(a) == TestStores.dump(b))
    #expect(try TestStores.dump(a) != TestStores.dump(c))
    #expect(SecureFile.mode(a.path) == 0o600)
    #expect(try a.verify().isEmpty)
  }

  @Test func anExistingStoreIsNotReplacedWithoutForce() throws {
    let a = try TestStores.make(.tiny)
    defer { TestStores.cleanup(a) }
    let before = try TestStores.digest(a)
    #expect(throws: StoreError.exists(path: a.path)) {
      try DemoGenerator(preset: .tiny, seed: 99, anchor: TestStores.anchor).generate(
        to: a.path, replace: false)
    }
    #expect(try TestStores.digest(a) == before)
  }

  @Test func splitterSumsExactlyAndKeepsEveryPartNonEmpty() {
    var rng = SeededRandom(seed: 5)
    for (total, parts) in [(4868, 1165), (65196, 4868), (19, 3), (7, 7)] {
      let s = CountSplitter.split(total, into: parts, spread: 0.75, rng: &rng)
      #expect(s.count == parts)
      #expect(s.reduce(0, +) == total)
      #expect(s.allSatisfy { $0 >= 1 })
    }
    var sampler = ExactSampler(choose: 41, of: 3703)
    let chosen = (0..<3703).filter { _ in sampler.next(&rng) }.count
    #expect(chosen == 41)
  }
}
