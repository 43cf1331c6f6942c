import Foundation
import Testing
import WanggeCore
import WanggeStore

/// A household that moves out takes its census verification with it, and a family moving into a
/// vacant room starts unverified: `census_unit`, `census_day` (the share verified) and `verify` stay
/// exact on every engine; marking a household vacant keeps its verification.
@Suite struct CensusMoveOutConformanceTests {
  static let at = CensusConformanceTests.at

  static func change(_ id: String, _ type: String, _ fields: [String: Any], at: Instant) -> GridEvent {
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

  @Test(arguments: ConformanceEngine.all) func moveOutAndMoveInKeepTheCensusFiguresExact(
    _ e: ConformanceEngine
  ) throws {
    let f = try CensusConformanceTests().fixture(e)
    let s = f.store
    let t1 = Self.at + .hours(1)
    let finish = CensusConformanceTests.finish(
      "c1", task: f.task, unit: f.unit, at: t1,
      [(f.rooms[0], "常住", 2), (f.rooms[1], "常住", 1), (f.rooms[2], "暂住", 1)])
    #expect(try s.ingest([finish], recordedAt: t1, source: "站长").applied == 1)
    let before = try s.censusShare(of: f.root.id, days: 7, at: t1)
    #expect(before.verified == 3)
    #expect(try s.censusVerified(task: f.task, units: [f.unit]) == [f.unit: 3])

    // Moving out: one household fewer, and one verification fewer, in the unit and every ancestor.
    let t2 = t1 + .hours(1)
    let out = Self.change("m1", "move_out", ["household": f.households[0], "reason": "搬离"], at: t2)
    #expect(try s.ingest([out], recordedAt: t2, source: "站长").applied == 1)
    let afterOut = try s.censusShare(of: f.root.id, days: 7, at: t2)
    #expect(afterOut.verified == 2)
    #expect(afterOut.households == before.households - 1)
    #expect(try s.censusShare(of: f.unit, days: 7, at: t2).verified == 2)
    #expect(try s.censusVerified(task: f.task, units: [f.unit]) == [f.unit: 2])
    #expect(try s.lastCensusChecks(households: [f.households[0]]) == [:])
    #expect(try s.verify() == [])

    // Long-term vacant: still a household, still verified.
    let vacant = Self.change("m2", "vacant", ["household": f.households[1]], at: t2)
    #expect(try s.ingest([vacant], recordedAt: t2, source: "站长").applied == 1)
    #expect(try s.censusShare(of: f.root.id, days: 7, at: t2).verified == 2)
    #expect(try s.verify() == [])

    // A new family moves into the vacant room: the old family's verification is not theirs.
    let unitPath = try s.path(of: f.unit).description
    let moveIn = Self.change(
      "m3", "move_in",
      ["unit": unitPath, "room": f.rooms[1], "head": "钱八", "phone": "14000002020", "people": 2], at: t2)
    #expect(try s.ingest([moveIn], recordedAt: t2, source: "站长").applied == 1)
    let afterIn = try s.censusShare(of: f.root.id, days: 7, at: t2)
    #expect(afterIn.verified == 1)
    #expect(afterIn.households == afterOut.households)
    #expect(try s.censusVerified(task: f.task, units: [f.unit]) == [f.unit: 1])
    #expect(try s.lastCensusChecks(households: [f.households[1]]) == [:])
    #expect(try s.lastCensusChecks(households: [f.households[2]]).count == 1)
    #expect(try s.verify() == [])
  }
}
