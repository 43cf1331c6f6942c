import Foundation
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeSQLite
import WanggeStore

/// Drilling, going back, views, filters, sort and `:` commands, on the shared Jiaohe store.
@Suite struct BoardNavigationTests {
  @Test func drillFromTheCityToAUnitAndBackShowsTheReportFigures() throws {
    let store = BoardFixture.store
    let board = try BoardFixture.board()
    var names = BoardFixture.unit.split(separator: "/").map(String.init)
    while !names.isEmpty {
      // The station lists its units as "12号楼3单元": one row for the last two levels.
      let label = board.view == .station ? names.joined() : names[0]
      let index = try #require(board.rows.firstIndex { $0.cells.first?.text == label }, "no row \(label)")
      for _ in 0..<index { _ = board.handle(.down, tick: 0) }
      // Compare the row with `wangge report` for the same place before drilling in.
      if board.view == .overview {
        let child = try store.resolve(PlacePath(segments: board.trail.dropFirst().map(\.name) + [label]))
        let report = try PlaceReport.make(
          store: store, scope: child, at: BoardFixture.anchor, window: .days(7))
        let row = try #require(board.selectedRow)
        #expect(row.cells[2].text == NumberText.grouped(report.scope.figures.units))
        #expect(row.cells[3].text == NumberText.grouped(report.scope.figures.unitLeaders))
        #expect(row.cells[7].text.hasSuffix(NumberText.grouped(report.scope.figures.acknowledgementsOverdue)))
      }
      _ = board.handle(.enter, tick: 0)
      names.removeFirst(board.view == .unit ? names.count : 1)
    }
    #expect(board.place.name == "3单元")
    #expect(board.view == .unit)
    #expect(BoardFixture.render(board, width: 120, height: 30).text.contains("河北街道 › 水映花城社区"))
    while board.trail.count > 1 { _ = board.handle(.escape, tick: 0) }
    #expect(board.place.depth == 0)
    #expect(board.selectedRow?.cells.first?.text == "河北街道", "back keeps the row we came from selected")
  }

  @Test func escReturnsToTheTaskDetailWithTheSameRowSelected() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .tasks)
    let task = try #require(board.selectedRow?.taskID)
    _ = board.handle(.enter, tick: 0)
    #expect(board.view == .taskDetail)
    for _ in 0..<5 { _ = board.handle(.down, tick: 0) }
    let row = try #require(board.selectedRow)
    _ = board.handle(.enter, tick: 0)
    #expect(board.view == .unit && board.place.id == row.drillTo)
    _ = board.handle(.escape, tick: 0)
    #expect(board.view == .taskDetail, "Esc goes back to the task, not up to the building")
    #expect(board.place.name == "水映花城小区")
    #expect(board.selectedRow?.key == row.key, "with the same row selected")
    _ = board.handle(.escape, tick: 0)
    #expect(board.view == .tasks)
    #expect(board.selectedRow?.taskID == task)
  }

  @Test func upGoesOneLevelAndEscComesBackDown() throws {
    let board = try BoardFixture.board(path: BoardFixture.unit)
    _ = board.handle(.char("h"), tick: 0)
    #expect(board.place.name == "12号楼")
    #expect(board.selectedRow?.cells.first?.text == "3单元", "up keeps the row we came from")
    _ = board.handle(.left, tick: 0)
    #expect(board.place.name == "水映花城小区")
    _ = board.handle(.escape, tick: 0)
    _ = board.handle(.escape, tick: 0)
    #expect(board.place.name == "3单元", "Esc retraces the way up")
    _ = board.handle(.escape, tick: 0)
    #expect(board.place.name == "12号楼", "with no history left Esc goes up one level")
  }

  @Test func enterOnALeaderOpensTheLeadersUnit() throws {
    let board = try BoardFixture.board(path: "河北街道/水映花城社区", view: .leaders)
    let row = try #require(board.selectedRow)
    _ = board.handle(.enter, tick: 0)
    #expect(board.view == .unit)
    #expect(board.place.id == row.drillTo)
    _ = board.handle(.escape, tick: 0)
    #expect(board.view == .leaders && board.selectedRow?.key == row.key)
  }

  @Test func aKeyThatDoesNothingHereSaysWhy() throws {
    let board = try BoardFixture.board()
    _ = board.handle(.char("r"), tick: 0)
    #expect(BoardFixture.render(board, width: 120, height: 30, tick: 0.1).text.contains("先按 a 进入待办"))
    _ = board.handle(.char("g"), tick: 1)
    #expect(BoardFixture.render(board, width: 120, height: 30, tick: 1.1).text.contains("只在任务详情视图可用"))
    let unit = try BoardFixture.board(path: BoardFixture.unit)
    _ = unit.handle(.enter, tick: 0)
    #expect(BoardFixture.render(unit, width: 120, height: 30, tick: 0.1).text.contains("住户是最下一级"))
  }

  @Test func tabCyclesTheViewsThePlaceOffers() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound)
    #expect(
      board.availableViews == [
        .station, .overview, .leaders, .help, .tasks, .orders, .volunteers, .isolation,
      ])
    var seen: [BoardView] = [board.view]
    for _ in 0..<8 {
      _ = board.handle(.tab, tick: 0)
      seen.append(board.view)
    }
    #expect(
      seen == [.station, .overview, .leaders, .help, .tasks, .orders, .volunteers, .isolation, .station])
  }

  @Test func slashFiltersRowsByTextOrEscapeClearsIt() throws {
    let board = try BoardFixture.board()
    _ = board.handle(.char("/"), tick: 0)
    for c in "河北" { _ = board.handle(.char(c), tick: 0) }
    #expect(board.rows.map { $0.cells[0].text } == ["河北街道"])
    for _ in 0..<2 { _ = board.handle(.backspace, tick: 0) }
    for c in "mzjd" { _ = board.handle(.char(c), tick: 0) }
    #expect(board.rows.map { $0.cells[0].text } == ["民主街道"], "pinyin initials filter too")
    _ = board.handle(.enter, tick: 0)
    _ = board.handle(.escape, tick: 0)
    #expect(board.rows.count == 3)
  }

  @Test func sortCyclesColumnsAndReverses() throws {
    let board = try BoardFixture.board(path: "河北街道")
    _ = board.handle(.char("s"), tick: 0)
    _ = board.handle(.char("s"), tick: 0)  // stations, descending
    let stations = board.rows.map { Int($0.cells[1].text.replacingOccurrences(of: ",", with: ""))! }
    #expect(stations == stations.sorted(by: >))
    _ = board.handle(.char("S"), tick: 0)
    let reversed = board.rows.map { Int($0.cells[1].text.replacingOccurrences(of: ",", with: ""))! }
    #expect(reversed == stations.sorted())
  }

  @Test func helpViewIsOrderedGreenFirstThenMostOverdueAndFilters() throws {
    let board = try BoardFixture.board(view: .help)
    let rows = board.rows
    #expect(!rows.isEmpty)
    let greens = rows.prefix { $0.cells[0].text.hasPrefix("‼") }
    #expect(!greens.isEmpty && rows.dropFirst(greens.count).allSatisfy { !$0.cells[0].text.hasPrefix("‼") })
    let dueKeys = rows.dropFirst(greens.count).map(\.sortKeys[0])
    #expect(dueKeys == dueKeys.sorted())
    _ = board.handle(.char("f"), tick: 0)  // elderly living alone
    #expect(!board.rows.isEmpty && board.rows.allSatisfy { $0.cells[4].text.contains("独居") })
    _ = board.handle(.char("m"), tick: 0)  // service mode: group
    #expect(board.rows.allSatisfy { $0.cells[5].text == "群内" })
  }

  @Test func phonesAreMaskedOnEveryScreen() throws {
    for (path, view) in [
      (BoardFixture.compound, BoardView.station), (BoardFixture.unit, .unit), ("河北街道", .help),
    ] {
      let board = try BoardFixture.board(path: path, view: view)
      let text = BoardFixture.render(board, width: 160, height: 48).text
      #expect(text.contains("****"))
      #expect(text.range(of: #"\d{11}"#, options: .regularExpression) == nil, "an unmasked phone in \(view)")
    }
  }

  @Test func commandsChangeLanguageViewAndQuit() throws {
    let board = try BoardFixture.board()
    #expect(try board.run(command: "lang en", tick: 0))
    #expect(BoardFixture.render(board, width: 100, height: 30).text.contains("Overview"))
    #expect(try board.run(command: "view help", tick: 0))
    #expect(board.view == .help)
    #expect(try board.run(command: "goto 河北街道/水映花城社区", tick: 0))
    #expect(board.place.name == "水映花城社区")
    #expect(try board.run(command: "goto hbjd", tick: 0))
    #expect(board.place.name == "河北街道", "pinyin initials find 河北街道")
    #expect(try board.run(command: "goto 水映花城小区", tick: 0))
    #expect(board.place.name == "水映花城小区" && board.view == .station)
    #expect(try board.completions(for: "goto syhc").contains { $0.hasSuffix("水映花城社区") })
    #expect(try board.run(command: "q", tick: 0) == false)
    #expect(try board.completions(for: "go").first == "goto ")
  }

  @Test func pauseHoldsRefreshUntilResumed() throws {
    let store = try BoardFixture.writableStore()
    let board = try BoardFixture.board(store)
    _ = board.handle(.char("p"), tick: 0)
    let household = try #require(
      store.helpCases(under: board.place.id, filter: HelpFilter(), limit: 1).rows.first
    )
    .helpCase.householdID
    _ = try store.ingest(
      [
        GridEvent(
          id: "pause-1", at: BoardFixture.anchor, kind: .greenChannel(household: household, open: true))
      ],
      recordedAt: BoardFixture.anchor)
    #expect(try board.refreshIfChanged(tick: 1) == false)
    _ = board.handle(.char("p"), tick: 2)
    #expect(board.paused == false)
  }

  @Test func aChangeFromAnotherConnectionIsMarkedOnRefresh() throws {
    let store = try BoardFixture.writableStore()
    let board = try BoardFixture.board(store)
    let before = board.screen.primary.totals!.cells[11].text
    let other = try SQLiteStore(path: store.path)  // another connection, like another process
    let household = try #require(
      other.helpCases(under: board.place.id, filter: HelpFilter(), limit: 30).rows.first {
        !$0.helpCase.greenChannel
      }
    ).helpCase.householdID
    _ = try other.ingest(
      [
        GridEvent(
          id: "mark-1", at: BoardFixture.anchor, kind: .greenChannel(household: household, open: true))
      ],
      recordedAt: BoardFixture.anchor)
    #expect(try board.refreshIfChanged(tick: 10))
    let after = board.screen.primary.totals!.cells[11].text
    #expect(before != after)
    let marked = BoardFixture.render(board, width: 160, height: 48, tick: 10.5)
    let stale = BoardFixture.render(board, width: 160, height: 48, tick: 13)
    #expect(marked.cellsWithRole(.highlight) > 0)
    #expect(stale.cellsWithRole(.highlight) == 0)
    #expect(board.nextTimedRedraw(tick: 10.5) == 12)
  }
}

extension Buffer {
  func cellsWithRole(_ role: Role) -> Int {
    var n = 0
    for y in 0..<height {
      for x in 0..<width where self[x, y].fg == .role(role) { n += 1 }
    }
    return n
  }
}
