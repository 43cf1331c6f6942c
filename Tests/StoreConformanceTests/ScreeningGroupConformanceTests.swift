import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Department and squad screening rollups, and a result replaced by an earlier finish, for every
/// engine: the leader's department and squad move by exactly the finish's numbers; the cases only the
/// replaced result opened are withdrawn with every rollup they moved, a person isolated by both keeps
/// their case; `verify` agrees throughout.
@Suite struct ScreeningGroupConformanceTests {
  static let at = ScreeningConformanceTests.at
  let base = ScreeningConformanceTests()

  func groups(_ f: ScreeningConformanceTests.Fixture) throws -> (department: String, squad: String) {
    let a = try #require(
      try f.store.assignments(of: f.task, under: f.unit, at: Self.at, limit: 5).first { $0.unitID == f.unit })
    return (a.department, a.department + (a.squad ?? ""))
  }

  func finish(
    _ f: ScreeningConformanceTests.Fixture, id: String, at: Instant, checked: Int, people: [String]
  ) -> GridEvent {
    let yesterday = LocalDay(number: LocalDay(Self.at).number - 1).iso
    return ScreeningConformanceTests.event(
      id, "done", at: at,
      [
        "task": f.task, "unit": f.unit,
        "result": [
          "checked": checked,
          "returnees": people.map {
            ["household": f.household, "name": $0, "from": "吉林珲春", "arrived": yesterday] as [String: Any]
          },
          "isolate": people.map { ["household": f.household, "name": $0, "risk": "high"] as [String: Any] },
        ],
      ])
  }

  @Test(arguments: ConformanceEngine.all) func aFinishMovesItsDepartmentAndSquad(_ e: ConformanceEngine)
    throws
  {
    let f = try base.fixture(e)
    let s = f.store
    let g = try groups(f)
    let dept = try s.screeningGroupTotals(task: f.task, by: .department)[g.department] ?? ScreeningTotals()
    let squad = try s.screeningGroupTotals(task: f.task, by: .squad)[g.squad] ?? ScreeningTotals()
    let others = try s.screeningGroupTotals(task: f.task, by: .department).filter { $0.key != g.department }
    #expect(try s.ingest([base.finish(f)], recordedAt: Self.at, source: "测试").applied == 1)
    let step = ScreeningTotals(checked: 12, returnees: 1, isolate: 1, problems: 1)
    var want = dept
    want.add(step)
    #expect(try s.screeningGroupTotals(task: f.task, by: .department)[g.department] == want)
    want = squad
    want.add(step)
    #expect(try s.screeningGroupTotals(task: f.task, by: .squad)[g.squad] == want)
    #expect(
      try s.screeningGroupTotals(task: f.task, by: .department).filter { $0.key != g.department } == others)
    #expect(try s.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all) func anEarlierFinishWithdrawsTheReplacedResultsCases(
    _ e: ConformanceEngine
  ) throws {
    let f = try base.fixture(e)
    let s = f.store
    let root = f.chain.last!
    let g = try groups(f)
    let before = try f.chain.map { try s.isolationFigures(at: $0, now: Self.at) }
    let late = Self.at + Span(seconds: 12 * 3600 + 1)
    let overdueBefore = try s.isolationFigures(at: root, now: late).overdue
    let tally = try f.chain.map { try s.screeningTotals(task: f.task, place: $0) }
    let dept = try s.screeningGroupTotals(task: f.task, by: .department)[g.department] ?? ScreeningTotals()
    _ = try s.ingest(
      [finish(f, id: "late", at: Self.at, checked: 20, people: ["张伟", "王芳"])], recordedAt: Self.at,
      source: "测试")
    let wang = try #require(try s.isolationCases(under: f.unit, limit: 10).first { $0.name == "王芳" })
    let zhang = try #require(try s.isolationCases(under: f.unit, limit: 10).first { $0.name == "张伟" })
    let check = ScreeningConformanceTests.event(
      "chk", "isolation_check", at: Self.at + Span(seconds: 60), ["case": zhang.id, "temperature": 38.5])
    _ = try s.ingest([check], recordedAt: Self.at + Span(seconds: 60), source: "测试")
    #expect(try s.isolationFigures(at: root, now: Self.at).active == before.last!.active + 2)
    // The earlier finish replaces the result: 王芳 is withdrawn, 张伟 keeps his case, 李娜 gets one.
    let earlier = Self.at - Span(seconds: 600)
    let summary = try s.ingest(
      [finish(f, id: "early", at: earlier, checked: 7, people: ["张伟", "李娜"])],
      recordedAt: Self.at + Span(seconds: 120), source: "测试")
    #expect(summary.applied == 1)
    let cases = try s.isolationCases(under: f.unit, limit: 10)
    #expect(cases.map(\.name).sorted() == ["张伟", "李娜"])
    #expect(cases.first { $0.name == "张伟" }?.id == zhang.id)
    #expect(try s.isolationCase(wang.id)?.name != "王芳")  // SQLite may give 李娜 the freed id
    let now = Self.at + Span(seconds: 120)
    for (i, p) in f.chain.enumerated() {
      let fig = try s.isolationFigures(at: p, now: now)
      #expect(fig.active == before[i].active + 2, "place \(p)")
      #expect(fig.returnees == before[i].returnees + 2, "place \(p)")
      #expect(fig.symptoms == before[i].symptoms + 1, "place \(p)")
      let t = try s.screeningTotals(task: f.task, place: p)
      #expect(t.checked == tally[i].checked + 7 && t.isolate == tally[i].isolate + 2, "place \(p)")
    }
    var want = dept
    want.add(ScreeningTotals(checked: 7, returnees: 2, isolate: 2))
    #expect(try s.screeningGroupTotals(task: f.task, by: .department)[g.department] == want)
    // 王芳's check window no longer counts anywhere: her due time (12 h on) is gone from the ancestors.
    #expect(try s.isolationFigures(at: root, now: late).overdue == overdueBefore + 1)
    #expect(try s.verify() == [])
  }
}
