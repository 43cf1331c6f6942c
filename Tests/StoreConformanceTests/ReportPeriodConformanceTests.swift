import Foundation
import Testing
import WanggeCore
import WanggeStore

/// The 迟报 / 漏报 / 瞒报 counters of a period (the weekly bulletin's week), per engine, to the second:
/// 迟报 counts by filing time, 漏报 is judged at the period's end, both for the commander named then.
@Suite struct ReportPeriodConformanceTests {
  let base = ReportConformanceTests()

  func period(_ store: any GridStore, _ station: Int64, since: Instant, until: Instant) throws
    -> ReportCounter?
  {
    try store.reportCounters(under: try store.root().id, since: since, until: until).first {
      $0.stationID == station && $0.commander == "周指挥"
    }
  }

  @Test(arguments: ConformanceEngine.all)
  func lateAndMissedCountInTheirPeriodOnly(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let (s, unit) = try base.station(store)
    let t0 = base.t0 + .days(2)
    try store.setStationCommander(station: s.id, name: "周指挥", by: "测试", at: t0)
    let filed = t0 + .minutes(31)
    _ = try store.fileIncident(
      base.filing("p-late", place: unit.id, happened: t0, filed: filed), rules: base.rules)
    // 迟报 counts in the period holding its filing instant, and not in the one ending just before it.
    #expect(try period(store, s.id, since: filed, until: filed + Span(seconds: 1))?.late == 1)
    #expect(try period(store, s.id, since: t0, until: filed)?.late ?? 0 == 0)
    #expect(try period(store, s.id, since: filed + Span(seconds: 1), until: filed + .days(1))?.late ?? 0 == 0)
    // An incident learnt another way: 漏报 once the period's end is past happened + 30 min.
    let h = t0 + .hours(3)
    _ = try store.fileIncident(
      base.filing("p-hotline", place: unit.id, happened: h, filed: h + .minutes(5), source: .hotline),
      rules: base.rules)
    #expect(try period(store, s.id, since: h, until: h + .minutes(30))?.missed ?? 0 == 0)
    #expect(try period(store, s.id, since: h, until: h + Span(seconds: 1801))?.missed == 1)
    #expect(try period(store, s.id, since: h + Span(seconds: 1), until: h + .days(1))?.missed ?? 0 == 0)
    #expect(throws: ReportDeskError.self) { try store.reportCounters(under: s.id, since: h, until: h) }
  }
}
