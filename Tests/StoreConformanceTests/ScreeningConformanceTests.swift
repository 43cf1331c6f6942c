import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Screening results, arrivals and home isolation through `ingest`, for every engine: totals move by
/// exactly what a finish reports, a case's check is overdue from the second its window closes in
/// every ancestor, a symptom opens the green channel, refused input changes nothing, `verify` agrees.
@Suite struct ScreeningConformanceTests {
  static let at = ConformanceEngine.anchor

  static func event(_ id: String, _ type: String, at: Instant = at, _ fields: [String: Any]) -> GridEvent {
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

  struct Fixture {
    var store: any GridStore
    var task: Int64
    var unit: Int64
    var household: Int64
    var otherHousehold: Int64
    var chain: [Int64]
  }

  func fixture(_ e: ConformanceEngine) throws -> Fixture {
    let s = try e.store()
    let facts = try ContractFacts(s, at: Self.at)
    let task = facts.tasks.first { $0.task.type == .screening }!.task.id
    let units = facts.units[task]!
    let unit = units.first { (try? s.households(ofUnit: $0).isEmpty) == false }!
    let other = units.first { $0 != unit && (try? s.households(ofUnit: $0).isEmpty) == false }!
    let chain = try s.withScreeningSQL(write: false) { try ScreeningQueries(sql: $0).chain(of: unit) }
    return Fixture(
      store: s, task: task, unit: unit, household: try s.households(ofUnit: unit)[0].household.id,
      otherHousehold: try s.households(ofUnit: other)[0].household.id, chain: chain)
  }

  func finish(_ f: Fixture, id: String = "d1", household: Int64? = nil) -> GridEvent {
    let yesterday = LocalDay(number: LocalDay(Self.at).number - 1).iso
    let h = household ?? f.household
    return Self.event(
      id, "done",
      [
        "task": f.task, "unit": f.unit,
        "result": [
          "checked": 12, "returnees": [["household": h, "name": "张伟", "from": "山东临沂", "arrived": yesterday]],
          "isolate": [["household": h, "name": "张伟", "risk": "high"]], "problems": ["3户联系不上"],
        ],
      ])
  }

  @Test(arguments: ConformanceEngine.all) func aFinishMovesTheTotalsAndOpensACase(_ e: ConformanceEngine)
    throws
  {
    let f = try fixture(e)
    let s = f.store
    let before = try f.chain.map { try s.screeningTotals(task: f.task, place: $0) }
    let summary = try s.ingest([finish(f)], recordedAt: Self.at, source: "测试")
    #expect(summary.applied == 1)
    for (i, p) in f.chain.enumerated() {
      let now = try s.screeningTotals(task: f.task, place: p)
      #expect(now.checked == before[i].checked + 12)
      #expect(now.returnees == before[i].returnees + 1)
      #expect(now.isolate == before[i].isolate + 1)
      #expect(now.problems == before[i].problems + 1)
    }
    let c = try #require(try s.isolationCases(under: f.unit, limit: 10).first { $0.name == "张伟" })
    // started the day they arrived (yesterday), 14 days for a high-risk area
    let start = LocalDay(number: LocalDay(Self.at).number - 1)
    #expect(c.startedAt == start.start)
    #expect(LocalDay(c.endsAt) == LocalDay(number: start.number + 14))
    #expect(c.dueAt == Self.at + Span(seconds: 12 * 3600))
    #expect(try s.verify() == [])
    // the same finish again changes nothing
    #expect(try s.ingest([finish(f)], recordedAt: Self.at, source: "测试").duplicates == 1)
    #expect(try s.isolationCases(under: f.unit, limit: 10).count == 1)
  }

  @Test(arguments: ConformanceEngine.all) func aMissedCheckIsOverdueAtTheSecondInEveryAncestor(
    _ e: ConformanceEngine
  ) throws {
    let f = try fixture(e)
    let s = f.store
    _ = try s.ingest([finish(f)], recordedAt: Self.at, source: "测试")
    let due = Self.at + Span(seconds: 12 * 3600)
    for p in f.chain {
      let early = try s.isolationFigures(at: p, now: due - Span(seconds: 1))
      let onTheSecond = try s.isolationFigures(at: p, now: due)
      let late = try s.isolationFigures(at: p, now: due + Span(seconds: 1))
      #expect(early.active == 1 && early.overdue == 0, "place \(p)")
      #expect(onTheSecond.overdue == 0, "place \(p)")
      #expect(late.overdue == 1, "place \(p)")
      #expect(early.returnees == 1)
    }
    // a check moves the due time on: not overdue a second after the old window closed
    let caseID = try s.isolationCases(under: f.unit, limit: 1)[0].id
    let check = Self.event(
      "c1", "isolation_check", at: Self.at + Span(seconds: 3600), ["case": caseID, "temperature": 36.5])
    _ = try s.ingest([check], recordedAt: due, source: "测试")
    #expect(try s.isolationFigures(at: f.chain.last!, now: due + Span(seconds: 1)).overdue == 0)
    #expect(try s.isolationFigures(at: f.chain.last!, now: due + Span(seconds: 3601)).overdue == 1)
    #expect(try s.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all) func aSymptomOpensTheGreenChannel(_ e: ConformanceEngine) throws {
    let f = try fixture(e)
    let s = f.store
    _ = try s.ingest([finish(f)], recordedAt: Self.at, source: "测试")
    let root = f.chain.last!
    let green = try s.figures(for: [root], at: Self.at, window: .days(7))[root]!.greenChannelOpen
    let caseID = try s.isolationCases(under: f.unit, limit: 1)[0].id
    let check = Self.event("c2", "isolation_check", ["case": caseID, "temperature": 38.2])
    _ = try s.ingest([check], recordedAt: Self.at, source: "测试")
    let now = try s.figures(for: [root], at: Self.at, window: .days(7))[root]!.greenChannelOpen
    #expect(now == green + 1)
    #expect(try s.isolationFigures(at: root, now: Self.at).symptoms == 1)
    #expect(try s.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all) func releaseNeedsTheEndDayAndAFinalCheck(_ e: ConformanceEngine)
    throws
  {
    let f = try fixture(e)
    let s = f.store
    _ = try s.ingest([finish(f)], recordedAt: Self.at, source: "测试")
    let c = try s.isolationCases(under: f.unit, limit: 1)[0]
    let end = LocalDay(c.endsAt).start
    func refused(_ ev: GridEvent, _ recorded: Instant) -> String? {
      do {
        _ = try s.ingest([ev], recordedAt: recorded, source: "测试")
        return nil
      } catch StoreError.rejected(let r) {
        return r.first?.problem.field
      } catch { return "\(error)" }
    }
    let early = Self.event("r1", "isolation_release", at: end - Span(seconds: 1), ["case": c.id])
    #expect(refused(early, end) == "at")
    let noCheck = Self.event("r2", "isolation_release", at: end, ["case": c.id])
    #expect(refused(noCheck, end) == "case")
    let final = Self.event("c3", "isolation_check", at: end + Span(seconds: 60), ["case": c.id])
    let release = Self.event("r3", "isolation_release", at: end + Span(seconds: 120), ["case": c.id])
    _ = try s.ingest([final, release], recordedAt: end + Span(seconds: 120), source: "测试")
    let fig = try s.isolationFigures(at: f.chain.last!, now: end + Span(seconds: 120))
    #expect(fig.active == 0 && fig.released == 1 && fig.releasedToday == 1)
    #expect(try s.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all) func aHouseholdOfAnotherUnitIsRefusedAndNothingChanges(
    _ e: ConformanceEngine
  ) throws {
    let f = try fixture(e)
    let s = f.store
    let token = try s.changeToken()
    #expect(throws: StoreError.self) {
      try s.ingest([finish(f, household: f.otherHousehold)], recordedAt: Self.at, source: "测试")
    }
    do {
      _ = try s.ingest([finish(f, id: "d9", household: f.otherHousehold)], recordedAt: Self.at, source: "测试")
    } catch StoreError.rejected(let r) {
      #expect(r.first?.problem.field == "result.returnees[0].household")
    }
    if e.tokenIgnoresRollbacks { #expect(try s.changeToken() == token) }
    #expect(try s.isolationCases(under: f.unit, limit: 10).isEmpty)
    #expect(try s.screeningTotals(task: f.task, place: f.unit) == ScreeningTotals())
  }

  @Test(arguments: ConformanceEngine.all) func anExpectedArrivalIsListedOnItsDayThenArrives(
    _ e: ConformanceEngine
  )
    throws
  {
    let f = try fixture(e)
    let s = f.store
    let tomorrow = LocalDay(number: LocalDay(Self.at).number + 1)
    let expect = Self.event(
      "a1", "arrival_expect",
      ["household": f.household, "name": "李娜", "from": "山东临沂", "day": tomorrow.iso, "risk": "medium"])
    _ = try s.ingest([expect], recordedAt: Self.at, source: "测试")
    #expect(try s.expectedArrivals(under: f.chain.last!, day: tomorrow).map(\.name) == ["李娜"])
    #expect(try s.expectedArrivals(under: f.chain.last!, day: LocalDay(Self.at)).isEmpty)
    #expect(try s.isolationFigures(at: f.unit, now: Self.at).expected == 1)
    let later = tomorrow.start + Span(seconds: 10 * 3600)
    _ = try s.ingest(
      [Self.event("a2", "arrival", at: later, ["household": f.household, "name": "李娜"])], recordedAt: later,
      source: "测试")
    let fig = try s.isolationFigures(at: f.unit, now: later)
    #expect(fig.expected == 0 && fig.returnees == 1 && fig.active == 1)
    let c = try s.isolationCases(under: f.unit, limit: 1)[0]
    #expect(LocalDay(c.endsAt).number == LocalDay(later).number + 7)
    #expect(try s.expectedArrivals(under: f.chain.last!, day: tomorrow).isEmpty)
    #expect(try s.verify() == [])
  }
}
