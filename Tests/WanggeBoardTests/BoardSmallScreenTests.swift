import Foundation
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore

/// 80×24: the footer keeps `? 帮助` and `q 退出`; `?` scrolls; F1, F10 and `1`–`7`.
@Suite struct BoardSmallScreenTests {
  @Test(arguments: [BoardView.overview, .leaders, .help, .tasks])
  func theFooterAlwaysKeepsHelpAndQuitAt80x24(view: BoardView) throws {
    for language in [Language.zh, .en] {
      let board = try BoardFixture.board(path: "河北街道/水映花城社区", view: view, language: language)
      let footer = BoardFixture.render(board, width: 80, height: 24).lines()[23]
      let (help, quit) = language == .zh ? ("? 帮助", "q 退出") : ("? help", "q quit")
      #expect(footer.contains(help) && footer.contains(quit), "\(view) \(language): \(footer)")
    }
  }

  @Test func helpScrollsWhenItDoesNotFit() throws {
    let board = try BoardFixture.board()
    _ = board.handle(.function(1), tick: 0)
    guard case .help = board.mode else {
      Issue.record("F1 opens help")
      return
    }
    let top = BoardFixture.render(board, width: 80, height: 24).text
    #expect(top.contains("输入即筛选") && !top.contains("没有可计的"))
    _ = board.handle(.end, tick: 0)
    let bottom = BoardFixture.render(board, width: 80, height: 24).text
    #expect(bottom.contains("没有可计的") && bottom.contains(":q — 退出") && !bottom.contains("上一行"))
    _ = board.handle(.pageUp, tick: 0)
    _ = board.handle(.up, tick: 0)
    #expect(board.helpScroll > 0)
    _ = board.handle(.escape, tick: 0)
    guard case .normal = board.mode else {
      Issue.record("Esc closes help")
      return
    }
  }

  @Test func helpIsACommandPaletteTypingFiltersAndEnterRuns() throws {
    let board = try BoardFixture.board()
    _ = board.handle(.char("?"), tick: 0)
    for c in "排序" { _ = board.handle(.char(c), tick: 0) }
    let screen = BoardFixture.render(board, width: 80, height: 24).text
    #expect(screen.contains("筛选“排序”") && screen.contains("反向排序") && !screen.contains("上一行"))
    _ = board.handle(.enter, tick: 0)
    guard case .normal = board.mode else {
      Issue.record("Enter runs the entry and closes the help")
      return
    }
    let sorted = BoardFixture.render(board, width: 80, height: 24).text
    #expect(sorted.contains("▼") || sorted.contains("▲"), "Enter on “s 排序” sorted the table")
    _ = board.handle(.char("?"), tick: 1)
    for c in "zxtx" { _ = board.handle(.char(c), tick: 1) }
    #expect(BoardFixture.render(board, width: 80, height: 24).text.contains("切换视图"), "pinyin initials match")
    _ = board.handle(.escape, tick: 1)
    for c in "goto" { _ = board.handle(.char(c), tick: 1) }
    _ = board.handle(.enter, tick: 1)
    guard case .command(let editor) = board.mode else {
      Issue.record("Enter on :goto opens the command line")
      return
    }
    #expect(editor.text == "goto ")
    _ = board.handle(.escape, tick: 1)
    _ = board.handle(.char("?"), tick: 2)
    for c in "qqqq" { _ = board.handle(.char(c), tick: 2) }
    #expect(BoardFixture.render(board, width: 80, height: 24).text.contains("没有匹配“qqqq”的条目"))
  }

  @Test func numbersSwitchViewsAndF10Quits() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound)
    _ = board.handle(.char("3"), tick: 0)
    #expect(board.view == board.availableViews[2])
    _ = board.handle(.char("1"), tick: 0)
    #expect(board.view == .station)
    _ = board.handle(.char("7"), tick: 0)
    #expect(board.view == board.availableViews[6])
    _ = board.handle(.char("8"), tick: 0)
    #expect(board.view == .isolation)
    let unit = try BoardFixture.board(path: BoardFixture.unit)
    _ = unit.handle(.char("9"), tick: 0)
    #expect(unit.view == .unit)
    #expect(
      BoardFixture.render(unit, width: 120, height: 30, tick: 0.1).text.contains(
        "这里只有 \(unit.availableViews.count) 个视图"))
    #expect(board.handle(.function(10), tick: 0) == false)
  }
}
