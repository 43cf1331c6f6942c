import SnapshotSupport
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// The `报告` view: the acknowledgement chain, time to the pending acknowledgement, staleness, the
/// 迟报 / 漏报 / 瞒报 marks and counters, and `:spotcheck` drawing a call list with masked phones.
@Suite struct BoardReportsTests {
  let t0 = BoardFixture.anchor

  func storeWithReports() throws -> any GridStore {
    let store = try BoardFixture.writableStore()
    let station = try store.resolve(PlacePath(parsing: BoardFixture.compound))
    let unit = try store.resolve(PlacePath(parsing: BoardFixture.unit))
    try store.setStationCommander(station: station.id, name: "王指挥", by: "测试", at: t0 - .hours(3))
    func file(
      _ id: String, _ kind: IncidentKind, _ sev: IncidentSeverity, happened: Instant, filed: Instant,
      source: IncidentSource = .station
    ) throws -> IncidentReport {
      try store.fileIncident(
        IncidentFiling(
          eventID: id, kind: kind, severity: sev, placeID: unit.id, text: "测试", happenedAt: happened,
          filedAt: filed, operatorName: "测试", source: source), rules: .standard)
    }
    let a = try file(
      "a", .suspectedCase, .critical, happened: t0 - .hours(2), filed: t0 - .hours(2) + .minutes(31))
    _ = try store.reportStep(
      ReportStepRequest(
        eventID: "a-ack", reportID: a.id, step: .acknowledged, at: t0 - .hours(1), operatorName: "社区"),
      rules: .standard)
    _ = try store.reportStep(
      ReportStepRequest(
        eventID: "a-up", reportID: a.id, step: .passedUp, at: t0 - .minutes(50), operatorName: "社区"),
      rules: .standard)
    _ = try file("b", .supplyShortage, .general, happened: t0 - .hours(1), filed: t0 - .minutes(10))
    _ = try file(
      "c", .cluster, .critical, happened: t0 - .hours(1), filed: t0 - .minutes(40), source: .hotline)
    return store
  }

  @Test(arguments: [Language.zh, .en])
  func reportsViewShowsTheChainMarksAndCounters(language: Language) throws {
    let store = try storeWithReports()
    let board = try Board(
      store: store, clock: FixedClock(t0), language: language, themeName: "default", operatorName: "值班员",
      storeLabel: "jiaohe.sqlite", isDemo: true, start: try store.resolve(PlacePath(parsing: "河北街道")),
      view: .reports)
    #expect(board.view == .reports)
    let text = BoardFixture.render(board, width: 120, height: 30).text
    #expect(text.contains("迟报") && text.contains("漏报"), "\(text)")
    assertSnapshot(
      BoardFixture.render(board, width: 120, height: 30), named: "reports-\(language.rawValue)-120x30")
  }

  @Test func spotcheckCommandDrawsAMaskedCallList() throws {
    let store = try storeWithReports()
    let board = try Board(
      store: store, clock: FixedClock(t0), language: .zh, themeName: "default", operatorName: "值班员",
      storeLabel: "jiaohe.sqlite", isDemo: true,
      start: try store.resolve(PlacePath(parsing: BoardFixture.compound)))
    #expect(board.view != .reports)
    _ = try board.run(command: "spotcheck 6 7", tick: 0)
    #expect(board.view == .reports)
    let text = BoardFixture.render(board, width: 120, height: 40).text
    #expect(text.contains("督查抽查 第 1 轮 · 6 户"), "\(text)")
    #expect(text.range(of: #"\b1\d{10}\b"#, options: .regularExpression) == nil, "no full phone on screen")
    let again = try store.drawSpotCheck(
      SpotCheckDraw(scopeID: board.place.id, households: 6, seed: 7, operatorName: "x", at: t0))
    #expect(try store.spotCheckCalls(round: 1).map(\.householdID) == again.calls.map(\.householdID))
    _ = try board.run(command: "spotcheck lots", tick: 0)
    #expect(BoardFixture.render(board, width: 120, height: 40).text.contains(":spotcheck 户数"))
  }

  @Test func scoreViewRanksStationsAndEExplainsOne() throws {
    let store = try storeWithReports()
    let board = try Board(
      store: store, clock: FixedClock(t0), language: .zh, themeName: "default", operatorName: "值班员",
      storeLabel: "jiaohe.sqlite", isDemo: true,
      start: try store.resolve(PlacePath(parsing: "河北街道/水映花城社区/水映花城居民委")), view: .score)
    #expect(board.view == .score)
    #expect(board.screen.secondary.isEmpty)
    let station = try store.resolve(PlacePath(parsing: BoardFixture.compound))
    while board.selectedRow?.drillTo != station.id {
      let before = board.selectedRow?.key
      _ = board.handle(.down, tick: 0)
      if board.selectedRow?.key == before { break }
    }
    #expect(board.selectedRow?.drillTo == station.id)
    // The ranking row carries the station's 迟报 / 漏报 / 瞒报 over the view's 7 days, as the store counts them.
    let f = try #require(
      try store.stationFigures(under: station.id, since: t0 - .days(7), until: t0)[station.id])
    let columns = board.screen.primary.columns.map(\.title)
    let cells = try #require(board.selectedRow).cells.map(\.text)
    for (title, count) in [("迟报", f.late), ("漏报", f.missed), ("瞒报", f.concealed)] {
      let i = try #require(columns.firstIndex(of: title), "\(columns)")
      #expect(cells[i].hasSuffix("\(count)"), "\(title): \(cells[i]) vs \(count)")
    }
    #expect(f.late + f.missed > 0, "the demo's station has late or missed reports")
    _ = board.handle(.char("e"), tick: 0)
    let text = BoardFixture.render(board, width: 120, height: 30).text
    #expect(text.contains("水映花城小区 得分"), "\(text)")
    #expect(text.contains("late_penalty") || text.contains("late"), "\(text)")
    assertSnapshot(BoardFixture.render(board, width: 120, height: 30), named: "score-explain-zh-120x30")
  }
}
