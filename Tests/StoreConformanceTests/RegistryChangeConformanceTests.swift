import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Everyday registry changes arriving through `ingest`, for every engine: each applied change keeps
/// the rollups exact and is audited; a refused change rejects its batch and writes nothing; an id sent
/// again is a duplicate even after the store moved on.
@Suite struct RegistryChangeConformanceTests {
  static let at = ConformanceEngine.anchor
  static let a = LedgerConformanceTests.unitA.description
  static let b = LedgerConformanceTests.unitB.description

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

  /// The day's changes, with the households, people, help cases and leaders at the root after each.
  static let steps: [(GridEvent, households: Int, people: Int, help: Int, leaders: Int)] = [
    (event("r1", "leader_replace", ["unit": a, "name": "周七", "phone": "13900000002"]), 3, 7, 1, 2),
    (
      event("r2", "move_in", ["unit": b, "room": "202", "head": "钱八", "phone": "13800002020", "people": 3]),
      4, 10, 1, 2
    ),
    (event("r3", "vacant", ["unit": a, "room": "201"]), 4, 10, 1, 2),
    (
      event(
        "r4", "move_in",
        [
          "unit": a, "room": "201", "head": "孙九", "phone": "13800002011", "people": 1,
          "flags": ["elderly_alone"],
        ]),
      4, 8, 1, 2
    ),
    (
      event(
        "r5", "help_open",
        ["unit": b, "room": "202", "mode": "visit", "helper": "赵六", "cadence": "3d", "green": true]), 4, 8, 2,
      2
    ),
    (event("r6", "help_change", ["unit": b, "room": "202", "helper": "吴十", "cadence": "1d"]), 4, 8, 2, 2),
    (event("r7", "help_close", ["unit": a, "room": "101", "reason": "已康复"]), 4, 8, 1, 2),
    (event("r8", "move_out", ["unit": b, "room": "202", "reason": "搬离"]), 3, 5, 0, 2),
    (event("r9", "leader_replace", ["unit": b, "name": "周七", "phone": "13900000002"]), 3, 5, 0, 1),
  ]

  /// Changes the store refuses after `steps`, with the field named.
  static let refused: [(GridEvent, field: String)] = [
    (
      event("x1", "move_in", ["unit": a, "room": "101", "head": "某", "phone": "13800009999", "people": 1]),
      "room"
    ),
    (event("x2", "help_close", ["unit": a, "room": "101", "reason": "再关"]), "household"),
    (event("x3", "leader_replace", ["unit": a, "name": "别人", "phone": "13900000002"]), "name"),
    (event("x4", "move_out", ["household": 99_999]), "household"),
    (event("x5", "vacant", ["unit": a, "room": "909"]), "room"),
    (
      event(
        "x6", "move_in",
        ["unit": "河北街道/水映花城社区", "room": "1", "head": "某", "phone": "13800009999", "people": 1]), "unit"
    ),
  ]

  func fresh(_ e: ConformanceEngine) throws -> any GridStore {
    let s = try LedgerConformanceTests().fresh(e)
    try LedgerConformanceTests().load(s, LedgerConformanceTests.rows)
    return s
  }

  @Test(arguments: ConformanceEngine.all) func changesKeepRollupsExactAndAreAudited(_ e: ConformanceEngine)
    throws
  {
    let s = try fresh(e)
    for step in Self.steps {
      let summary = try s.ingest([step.0], recordedAt: Self.at, source: "站长")
      #expect(summary.applied == 1, "\(step.0.id)")
      #expect(try s.verify() == [], "\(step.0.id)")
      let f = try s.scopeFigures(try s.root(), at: Self.at, window: .days(7)).scope
      #expect(f.households == step.households, "\(step.0.id)")
      #expect(f.people == step.people, "\(step.0.id)")
      #expect(f.helpCases == step.help, "\(step.0.id)")
      #expect(f.unitLeaders == step.leaders, "\(step.0.id)")
      #expect(f.units == 2, "\(step.0.id)")
    }
    let audit = try s.auditTrail(AuditQuery(limit: 100))
    #expect(audit.filter { $0.operatorName == "站长" }.count == Self.steps.count)
    #expect(audit.first?.action == "leader_replace")
    #expect(audit.contains { $0.action == "help_close" && $0.detail.contains("已康复") })
    #expect(audit.allSatisfy { $0.at == Self.at })

    // Sent again: duplicates, even the move-out of a household that is gone.
    let again = try s.ingest(Self.steps.map(\.0), recordedAt: Self.at, source: "站长")
    #expect(again.duplicates == Self.steps.count)
    #expect(try s.auditTrail(AuditQuery(limit: 100)).count == audit.count)
  }

  @Test(arguments: ConformanceEngine.all) func refusedChangesWriteNothing(_ e: ConformanceEngine) throws {
    let s = try fresh(e)
    _ = try s.ingest(Self.steps.map(\.0), recordedAt: Self.at, source: "站长")
    let before = try s.scopeFigures(try s.root(), at: Self.at, window: .days(7)).scope
    var households: [RegistryRow] = []
    try s.exportLedger(.households, scope: try s.root()) { households.append($0) }
    let audit = try s.auditTrail(AuditQuery(limit: 100)).count
    for (event, field) in Self.refused {
      // A good change before it in the same batch is not written either.
      let good = Self.event("ok-" + event.id, "vacant", ["unit": Self.a, "room": "201"])
      do {
        _ = try s.ingest([good, event], recordedAt: Self.at, source: "站长")
        Issue.record("\(event.id) was accepted")
      } catch StoreError.rejected(let list) {
        #expect(list.map(\.index) == [1], "\(event.id)")
        #expect(list.first?.problem.field == field, "\(event.id): \(list)")
      }
      #expect(try s.scopeFigures(try s.root(), at: Self.at, window: .days(7)).scope == before)
      var now: [RegistryRow] = []
      try s.exportLedger(.households, scope: try s.root()) { now.append($0) }
      #expect(now == households, "\(event.id)")
      #expect(try s.auditTrail(AuditQuery(limit: 100)).count == audit)
    }
    #expect(try s.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all) func aUnitWithoutLeaderIsListedAsSuch(_ e: ConformanceEngine) throws
  {
    let s = try LedgerConformanceTests().fresh(e)
    let lone = PlacePath(parsing: "河北街道/水映花城社区/第一居民委/水映花城小区/3号楼/1单元")
    try LedgerConformanceTests().load(
      s,
      [
        LedgerConformanceTests.household(LedgerConformanceTests.unitA, "101"),
        LedgerConformanceTests.household(lone, "101"), LedgerConformanceTests.household(lone, "102"),
        LedgerConformanceTests.leader(LedgerConformanceTests.unitA, name: "李四", phone: "13900000001"),
      ])
    let station = try s.resolve(PlacePath(segments: Array(lone.segments.prefix(4))))
    let rows = try s.stationUnits(under: station.id, at: Self.at, window: .days(7))
    #expect(rows.count == 2)
    let row = try #require(rows.first { $0.label == ["3号楼", "1单元"] })
    #expect(row.leaderName == "")
    #expect(row.households == 2)
    #expect(rows.first { $0.label == ["1号楼", "1单元"] }?.leaderName == "李四")
    // Giving it a leader makes it a unit like the others.
    _ = try s.ingest(
      [
        Self.event(
          "l1", "leader_replace",
          ["unit": lone.description, "name": "周七", "phone": "13900000002", "department": "市教育局"])
      ],
      recordedAt: Self.at, source: "站长")
    #expect(
      try s.stationUnits(under: station.id, at: Self.at, window: .days(7)).first {
        $0.label == ["3号楼", "1单元"]
      }?.leaderName == "周七")
    #expect(try s.verify() == [])
  }

  @Test func theGrammarNamesTheFieldAtFault() {
    func problem(_ line: String) -> FieldProblem? {
      if case .failure(let p) = EventLineParser.parse(Substring(line)) { return p }
      return nil
    }
    let head = #"{"id":"e1","at":"2026-11-22T20:00:00+08:00","#
    #expect(
      problem(head + #""type":"move_in","unit":"a/b","room":"1","head":"x","phone":"123","people":1}"#)?.field
        == "phone")
    #expect(
      problem(
        head + #""type":"move_in","unit":"a/b","room":"1","head":"x","phone":"13800000000","people":99}"#)?
        .field == "people")
    #expect(
      problem(
        head
          + #""type":"move_in","unit":"a/b","room":"1","head":"x","phone":"13800000000","people":1,"flags":["rich"]}"#
      )?.field == "flags")
    #expect(
      problem(head + #""type":"help_open","household":3,"mode":"fax","helper":"x","cadence":"3d"}"#)?.field
        == "mode")
    #expect(
      problem(head + #""type":"help_open","household":3,"mode":"phone","helper":"x","cadence":"5m"}"#)?.field
        == "cadence")
    #expect(problem(head + #""type":"help_change","household":3}"#)?.field == "helper")
    #expect(problem(head + #""type":"help_close","household":3}"#)?.field == "reason")
    #expect(problem(head + #""type":"move_out","room":"1"}"#)?.field == "unit")
    #expect(
      problem(head + #""type":"leader_replace","unit":"a/b","name":" ","phone":"13800000000"}"#)?.field
        == "name")
    #expect(problem(head + #""type":"move_out","household":3,"reason":"搬走"}"#) == nil)
  }
}
