import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Reports up the chain, 迟报 / 漏报 / 瞒报, spot checks, supervision and station figures through the
/// contract, per engine, to the second.
@Suite struct ReportConformanceTests {
  let t0 = ConformanceEngine.anchor
  let rules = ReportRules.standard

  /// The first command station of the store and one of its units (with households).
  func station(_ store: any GridStore) throws -> (station: Place, unit: Place) {
    var frontier = [try store.root()]
    while let p = frontier.first {
      frontier.removeFirst()
      if p.hasStation {
        var u = p
        while let c = try store.children(of: u.id).first { u = c }
        return (p, u)
      }
      frontier += try store.children(of: p.id)
    }
    Issue.record("no station in the demo store")
    throw ReportDeskError.unknownPlace(0)
  }

  func filing(
    _ id: String, place: Int64, happened: Instant, filed: Instant, source: IncidentSource = .station,
    covers: Int64? = nil
  ) -> IncidentFiling {
    IncidentFiling(
      eventID: id, kind: .suspectedCase, severity: .critical, placeID: place, text: "发热人员",
      happenedAt: happened, filedAt: filed, operatorName: "测试", source: source, covers: covers)
  }

  func counter(_ store: any GridStore, _ station: Int64, _ commander: String, at now: Instant) throws
    -> ReportCounter?
  {
    try store.reportCounters(under: try store.root().id, at: now).first {
      $0.stationID == station && $0.commander == commander
    }
  }

  @Test(arguments: ConformanceEngine.all)
  func reportFiledThirtyOneMinutesLateIsLateToTheSecond(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let (s, unit) = try station(store)
    try store.setStationCommander(station: s.id, name: "王指挥", by: "测试", at: t0)
    let onTime = try store.fileIncident(
      filing("r-1", place: unit.id, happened: t0, filed: t0 + .minutes(30)), rules: rules)
    let oneLate = try store.fileIncident(
      filing("r-2", place: unit.id, happened: t0, filed: t0 + Span(seconds: 1801)), rules: rules)
    let late = try store.fileIncident(
      filing("r-3", place: unit.id, happened: t0, filed: t0 + .minutes(31)), rules: rules)
    #expect(!onTime.marks.late)
    #expect(oneLate.marks.late)
    #expect(late.marks.late)
    #expect(late.stationID == s.id)
    #expect(late.commander == "王指挥")
    #expect(late.holderID == s.parentID)
    #expect(late.phase == .awaitingAck)
    let c = try #require(try counter(store, s.id, "王指挥", at: t0 + .hours(1)))
    #expect(c.filed == 3)
    #expect(c.late == 2)
    // The same event again changes nothing; the same id with other content is refused.
    let again = try store.fileIncident(
      filing("r-3", place: unit.id, happened: t0, filed: t0 + .minutes(31)), rules: rules)
    #expect(again.id == late.id)
    #expect(throws: ReportDeskError.self) {
      try store.fileIncident(
        filing("r-3", place: unit.id, happened: t0, filed: t0 + .minutes(40)), rules: rules)
    }
    #expect(try counter(store, s.id, "王指挥", at: t0 + .hours(1))?.filed == 3)
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func acknowledgementAfterItsWindowEscalatesToTheSecond(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let (s, unit) = try station(store)
    try store.setStationCommander(station: s.id, name: "李指挥", by: "测试", at: t0)
    let a = try store.fileIncident(filing("a", place: unit.id, happened: t0, filed: t0), rules: rules)
    let b = try store.fileIncident(filing("b", place: unit.id, happened: t0, filed: t0), rules: rules)
    #expect(a.ackDue == t0 + .minutes(30))
    #expect(try store.incident(id: b.id, at: t0 + .minutes(30))?.marks.escalated == false)
    #expect(try store.incident(id: b.id, at: t0 + Span(seconds: 1801))?.marks.escalated == true)
    let ackA = try store.reportStep(
      ReportStepRequest(
        eventID: "a-ack", reportID: a.id, step: .acknowledged, at: t0 + .minutes(30), operatorName: "社区"),
      rules: rules)
    #expect(!ackA.marks.escalated)
    let ackB = try store.reportStep(
      ReportStepRequest(
        eventID: "b-ack", reportID: b.id, step: .acknowledged, at: t0 + Span(seconds: 1801),
        operatorName: "社区"),
      rules: rules)
    #expect(ackB.marks.escalated)
    #expect(ackB.chain.map(\.step) == [.filed, .acknowledged])
    #expect(ackB.chain.last?.late == true)
    let c = try #require(try counter(store, s.id, "李指挥", at: t0 + .hours(1)))
    #expect(c.ackLate == 1)
    // Passing up starts the next level's window; closing ends the chain.
    #expect(throws: ReportDeskError.self) {
      try store.reportStep(
        ReportStepRequest(
          eventID: "a-ack2", reportID: a.id, step: .acknowledged, at: t0 + .hours(1), operatorName: "x"),
        rules: rules)
    }
    let up = try store.reportStep(
      ReportStepRequest(
        eventID: "a-up", reportID: a.id, step: .passedUp, at: t0 + .hours(1), operatorName: "社区"),
      rules: rules)
    let communityID = try #require(s.parentID)
    let community = try #require(try store.place(id: communityID))
    #expect(up.holderID == community.parentID)
    #expect(up.phase == .awaitingAck)
    #expect(up.ackDue == t0 + .hours(1) + .minutes(30))
    _ = try store.reportStep(
      ReportStepRequest(
        eventID: "a-prog", reportID: a.id, step: .progress, note: "已隔离", at: t0 + .hours(2),
        operatorName: "街道"),
      rules: rules)
    let closed = try store.reportStep(
      ReportStepRequest(
        eventID: "a-close", reportID: a.id, step: .closed, at: t0 + .hours(3), operatorName: "街道"),
      rules: rules)
    #expect(closed.phase == .closed)
    #expect(closed.chain.map(\.step) == [.filed, .acknowledged, .passedUp, .progress, .closed])
    #expect(throws: ReportDeskError.self) {
      try store.reportStep(
        ReportStepRequest(
          eventID: "a-late", reportID: a.id, step: .progress, note: "x", at: t0 + .hours(4), operatorName: "x"
        ),
        rules: rules)
    }
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func spotCheckFindingBecomesMissedThenConcealed(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let (s, unit) = try station(store)
    try store.setStationCommander(station: s.id, name: "赵指挥", by: "测试", at: t0)
    let round = try store.drawSpotCheck(
      SpotCheckDraw(scopeID: s.id, households: 5, seed: 7, operatorName: "督查", at: t0))
    #expect(round.calls.count == 5)
    #expect(round.calls.allSatisfy { !$0.maskedPhone.isEmpty && $0.stationID == s.id })
    let first = try #require(round.calls.first)
    let call = try store.recordCall(
      CallRecord(
        roundID: round.id, householdID: first.householdID, outcome: .answered,
        answers: CallAnswers(knowsLeader: false, gotNotice: true, serviceDone: nil, problems: "家中有发热"),
        operatorName: "督查", at: t0 + .minutes(5),
        opens: filing("sc-1", place: s.id, happened: t0, filed: t0 + .minutes(5), source: .spotCheck)))
    let reportID = try #require(call.reportID)
    #expect(throws: ReportDeskError.self) {
      try store.recordCall(
        CallRecord(
          roundID: round.id, householdID: first.householdID, outcome: .noAnswer, operatorName: "督查",
          at: t0 + .minutes(6)))
    }
    #expect(try counter(store, s.id, "赵指挥", at: t0 + .minutes(30))?.missed == 0)
    #expect(try counter(store, s.id, "赵指挥", at: t0 + Span(seconds: 1801))?.missed == 1)
    #expect(try store.incident(id: reportID, at: t0 + Span(seconds: 1801))?.marks.missed == true)
    _ = try unit
    let marked = try store.reportStep(
      ReportStepRequest(
        eventID: "sc-1-hid", reportID: reportID, step: .concealed, note: "单元长微信记录显示8时已知情",
        at: t0 + .hours(2), operatorName: "指挥部"), rules: rules)
    #expect(marked.marks.concealed)
    #expect(!marked.marks.missed)
    let c = try #require(try counter(store, s.id, "赵指挥", at: t0 + .hours(3)))
    #expect(c.missed == 0)
    #expect(c.concealed == 1)
    let figures = try #require(
      try store.stationFigures(under: s.id, since: t0 - .days(1), until: t0 + .days(1))[s.id])
    #expect(figures.concealed == 1)
    #expect(figures.missed == 0)
    #expect(figures.callsAnswered == 1)
    #expect(figures.answersAsked == 2)
    #expect(figures.answersYes == 1)
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func stationReportCoveringAnIncidentIsNotMissed(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let (s, unit) = try station(store)
    let hotline = try store.fileIncident(
      filing("h-1", place: unit.id, happened: t0, filed: t0 + .minutes(10), source: .hotline), rules: rules)
    #expect(hotline.phase == .acknowledged)
    let own = try store.fileIncident(
      filing("h-1-own", place: unit.id, happened: t0, filed: t0 + .minutes(40), covers: hotline.id),
      rules: rules)
    #expect(own.marks.late)
    #expect(try store.incident(id: hotline.id, at: t0 + .hours(1))?.marks.missed == false)
    #expect(try store.incident(id: hotline.id, at: t0 + .hours(1))?.coveredBy == own.id)
    let c = try #require(try counter(store, s.id, "", at: t0 + .hours(1)))
    #expect(c.missed == 0)
    #expect(c.late == 1)
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func spotCheckDrawIsReproducible(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let a = try store.drawSpotCheck(
      SpotCheckDraw(scopeID: root.id, households: 40, seed: 7, operatorName: "x", at: t0))
    let b = try store.drawSpotCheck(
      SpotCheckDraw(scopeID: root.id, households: 40, seed: 7, operatorName: "x", at: t0))
    let c = try store.drawSpotCheck(
      SpotCheckDraw(scopeID: root.id, households: 40, seed: 8, operatorName: "x", at: t0))
    #expect(a.id != b.id)
    #expect(a.calls.map(\.householdID) == b.calls.map(\.householdID))
    #expect(a.calls.map(\.householdID) != c.calls.map(\.householdID))
    #expect(try store.spotCheckCalls(round: a.id).map(\.householdID) == a.calls.map(\.householdID))
    #expect(throws: ReportDeskError.self) { try store.spotCheckCalls(round: 999) }
  }

  @Test(arguments: ConformanceEngine.all)
  func supervisionContactsFallDueAfterTheirCadence(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let (s, _) = try station(store)
    let community = try #require(s.parentID)
    let g = try store.addSupervisionGroup(
      name: "第一督导组", supervisors: ["张科长", "刘科长"], cadence: .days(1), by: "局机关", at: t0)
    try store.assignSupervision(group: g, places: [community], by: "局机关", at: t0)
    #expect(try store.supervision(at: t0 + .days(1)).first?.overdue == false)
    #expect(try store.supervision(at: t0 + .days(1) + Span(seconds: 1)).first?.overdue == true)
    try store.recordContact(
      id: "c-1", group: g, place: community, note: "了解单元长履职", by: "张科长", at: t0 + .hours(20))
    let row = try #require(try store.supervision(at: t0 + .days(1) + Span(seconds: 1)).first)
    #expect(!row.overdue)
    #expect(row.dueAt == t0 + .hours(44))
    #expect(row.supervisors == ["刘科长", "张科长"])
    #expect(throws: ReportDeskError.self) {
      try store.recordContact(id: "c-2", group: g, place: s.id, note: "", by: "张科长", at: t0)
    }
  }

  @Test(arguments: ConformanceEngine.all)
  func demoReportsHoldEveryKindSomeLateOneMissedAndOneConcealed(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    #expect(try DemoReports.write(to: store, anchor: t0) == 9)
    let list = try store.incidents(under: root.id, at: t0, window: .days(7))
    #expect(Set(list.map(\.kind)) == Set(IncidentKind.allCases))
    #expect(list.filter(\.marks.late).count == 2)
    let counters = try store.reportCounters(under: root.id, at: t0)
    #expect(counters.reduce(0) { $0 + $1.missed } == 1)
    #expect(counters.reduce(0) { $0 + $1.concealed } == 1)
    let calls = try store.spotCheckCalls(round: 1)
    #expect(calls.count == 12)
    #expect(calls.allSatisfy { $0.outcome != nil })
    #expect(try store.supervision(at: t0).count >= 1)
    #expect(try store.verify().isEmpty)
  }
}
