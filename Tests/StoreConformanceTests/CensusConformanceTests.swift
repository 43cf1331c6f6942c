import Foundation
import Testing
import WanggeCore
import WanggeStore

/// The door-knocking census on every engine: a census finish records each household's verification,
/// the per-unit count and the per-day rollup follow in the same transaction (`verify` agrees), a later
/// verification replaces an earlier one, an earlier one changes nothing, and a bad result is refused
/// with nothing written.
@Suite struct CensusConformanceTests {
  static let at = ConformanceEngine.anchor  // 20:00 +08:00

  struct Fixture {
    var store: any GridStore
    var task: Int64
    var unit: Int64
    var rooms: [String]
    var households: [Int64]
    var root: Place
  }

  func fixture(_ e: ConformanceEngine) throws -> Fixture {
    let s = try e.store()
    let root = try s.root()
    var p = root
    while let c = try s.children(of: p.id).first { p = c }
    let rows = try s.households(ofUnit: p.id)
    #expect(rows.count >= 3)
    let receipt = try s.dispatch(
      DispatchRequest(scopeID: root.id, type: .census, title: "敲门行动", operatorName: "指挥部", issuedAt: Self.at))
    return Fixture(
      store: s, task: receipt.taskID, unit: p.id, rooms: rows.map(\.household.room),
      households: rows.map(\.household.id), root: root)
  }

  static func finish(
    _ id: String, task: Int64, unit: Int64, at: Instant, _ lines: [(String, String, Int)], by: String? = "向桂晓"
  ) -> GridEvent {
    var obj: [String: Any] = [
      "households": lines.map { ["room": $0.0, "residency": $0.1, "present": $0.2] as [String: Any] }
    ]
    if let by { obj["by"] = by }
    let text = String(
      decoding: try! JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys]), as: UTF8.self)
    return GridEvent(id: id, at: at, kind: .finished(task: task, unit: .id(unit), result: text))
  }

  @Test(arguments: ConformanceEngine.all) func aFinishRecordsEachHouseholdAndTheRollupsFollow(
    _ e: ConformanceEngine
  )
    throws
  {
    let f = try fixture(e)
    let s = f.store
    let t1 = Self.at + .hours(1)
    let first = Self.finish(
      "c1", task: f.task, unit: f.unit, at: t1, [(f.rooms[0], "常住", 2), (f.rooms[1], "vacant", 0)])
    #expect(try s.ingest([first], recordedAt: t1, source: "站长").applied == 1)
    #expect(try s.censusVerified(task: f.task, units: [f.unit]) == [f.unit: 2])
    let checks = try s.lastCensusChecks(households: f.households)
    #expect(checks.count == 2)
    #expect(checks[f.households[0]]?.by == "向桂晓")
    #expect(checks[f.households[0]]?.at == t1)
    #expect(checks[f.households[0]]?.present == 2)
    #expect(checks[f.households[1]]?.residency == .vacant)
    let share = try s.censusShare(of: f.root.id, days: 7, at: t1)
    #expect(share.verified == 2)
    #expect(share.households == (try s.scopeFigures(f.root, at: t1, window: .days(7)).scope.households))
    #expect(try s.verify() == [])

    // The next day: one household again and a third one; without `by`, the source verified.
    let t2 = Self.at + .days(1)
    let second = Self.finish(
      "c2", task: f.task, unit: f.unit, at: t2, [(f.rooms[0], "暂住", 1), (f.rooms[2], "resident", 3)], by: nil)
    #expect(try s.ingest([second], recordedAt: t2, source: "站长").applied == 1)
    #expect(try s.censusVerified(task: f.task, units: [f.unit]) == [f.unit: 3])
    #expect(try s.lastCensusChecks(households: [f.households[0]])[f.households[0]]?.by == "站长")
    #expect(try s.censusShare(of: f.root.id, days: 7, at: t2).verified == 3)
    #expect(try s.censusShare(of: f.root.id, days: 1, at: t2).verified == 2)
    #expect(try s.censusShare(of: f.unit, days: 1, at: t2).verified == 2)
    #expect(try s.verify() == [])

    // An earlier verification than the one kept changes nothing.
    let late = Self.finish("c3", task: f.task, unit: f.unit, at: t1 + .minutes(5), [(f.rooms[0], "常住", 2)])
    #expect(try s.ingest([late], recordedAt: t2, source: "站长").noEffect == 1)
    #expect(try s.lastCensusChecks(households: [f.households[0]])[f.households[0]]?.at == t2)
    #expect(try s.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all) func theDaysAreLocalDaysCountedToTheSecond(_ e: ConformanceEngine)
    throws
  {
    let f = try fixture(e)
    let s = f.store
    let midnight = InstantFormat.parse("2026-11-23T00:00:00+08:00")!
    let before = Self.finish(
      "d1", task: f.task, unit: f.unit, at: midnight - Span(seconds: 1), [(f.rooms[0], "常住", 1)])
    let after = Self.finish("d2", task: f.task, unit: f.unit, at: midnight, [(f.rooms[1], "常住", 1)])
    _ = try s.ingest([before, after], recordedAt: midnight, source: "站长")
    #expect(try s.censusShare(of: f.root.id, days: 1, at: midnight).verified == 1)
    #expect(try s.censusShare(of: f.root.id, days: 1, at: midnight - Span(seconds: 1)).verified == 1)
    #expect(try s.censusShare(of: f.root.id, days: 2, at: midnight).verified == 2)
    let nextDay = midnight + .days(1)
    #expect(try s.censusShare(of: f.root.id, days: 1, at: nextDay - Span(seconds: 1)).verified == 1)
    #expect(try s.censusShare(of: f.root.id, days: 1, at: nextDay).verified == 0)
    #expect(try s.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all) func theSharesOfManyPlacesAreEachPlacesShare(_ e: ConformanceEngine)
    throws
  {
    let f = try fixture(e)
    let s = f.store
    let t1 = Self.at + .hours(1)
    let finish = Self.finish(
      "s1", task: f.task, unit: f.unit, at: t1, [(f.rooms[0], "常住", 2), (f.rooms[1], "暂住", 1)])
    #expect(try s.ingest([finish], recordedAt: t1, source: "站长").applied == 1)
    let children = try s.children(of: f.root.id).map(\.id)
    let unknown: Int64 = 987_654_321
    let ids = [f.root.id] + children + [f.unit, unknown]
    let shares = try s.censusShares(of: ids, days: 7, at: t1)
    #expect(shares.count == ids.count)
    for id in ids.dropLast() {
      #expect(shares[id] == (try s.censusShare(of: id, days: 7, at: t1)), "place \(id)")
    }
    #expect(shares[f.root.id] == CensusShare(verified: 2, households: shares[f.root.id]?.households ?? -1))
    #expect(shares[f.unit]?.verified == 2)
    #expect(children.reduce(0) { $0 + (shares[$1]?.verified ?? 0) } == 2, "the children add up to the scope")
    #expect(shares[unknown] == CensusShare(verified: 0, households: 0))
    #expect(try s.censusShares(of: [], days: 7, at: t1) == [:])
    #expect(try s.censusShares(of: [f.root.id], days: 7, at: t1 + .days(7))[f.root.id]?.verified == 0)
  }

  @Test(arguments: ConformanceEngine.all) func aBadResultIsRefusedAndWritesNothing(_ e: ConformanceEngine)
    throws
  {
    let f = try fixture(e)
    let s = f.store
    let t1 = Self.at + .hours(1)
    let good = Self.finish("g1", task: f.task, unit: f.unit, at: t1, [(f.rooms[0], "常住", 2)])
    let bad: [(GridEvent, String)] = [
      (
        Self.finish("b1", task: f.task, unit: f.unit, at: t1, [(f.rooms[1], "常住", 1), ("9999", "常住", 1)]),
        "9999"
      ),
      (Self.finish("b2", task: f.task, unit: f.unit, at: t1, [(f.rooms[1], "不知道", 1)]), "residency"),
      (Self.finish("b3", task: f.task, unit: f.unit, at: t1, [(f.rooms[1], "长期无人", 2)]), "nobody"),
      (GridEvent(id: "b4", at: t1, kind: .finished(task: f.task, unit: .id(f.unit), result: nil)), "carries"),
    ]
    for (event, word) in bad {
      do {
        _ = try s.ingest([good, event], recordedAt: t1, source: "站长")
        Issue.record("\(event.id) was accepted")
      } catch StoreError.rejected(let list) {
        #expect(list.map(\.index) == [1], "\(event.id)")
        #expect(list.first?.problem.field == "result", "\(event.id)")
        #expect(list.first?.problem.problem.contains(word) == true, "\(event.id): \(list)")
      }
      #expect(try s.censusVerified(task: f.task, units: [f.unit]) == [:])
      #expect(try s.lastCensusChecks(households: f.households) == [:])
      #expect(try s.censusShare(of: f.root.id, days: 7, at: t1).verified == 0)
    }
    #expect(try s.verify() == [])
  }
}
