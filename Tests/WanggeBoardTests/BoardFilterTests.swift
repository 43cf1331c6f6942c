import Testing
import TerminalUI
import WanggeBoard
import WanggeCore

/// `/` matches every text column, pinyin initials included; the title shows the position; no match says so.
@Suite struct BoardFilterTests {
  @Test func pinyinInitialsFindALeaderAndTheTitleShowsThePosition() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .station)
    let all = board.rows.count
    #expect(BoardFixture.render(board, width: 160, height: 48).text.contains("1/\(all)"))
    _ = board.handle(.char("/"), tick: 0)
    for c in "zxp" { _ = board.handle(.char(c), tick: 0) }
    _ = board.handle(.enter, tick: 0)
    #expect(!board.rows.isEmpty)
    #expect(
      board.rows.allSatisfy { $0.cells.contains { PinyinInitials.initials(of: $0.text).contains("zxp") } })
    let screen = BoardFixture.render(board, width: 160, height: 48).text
    #expect(screen.contains("曾晓平"))
    #expect(screen.contains("1/\(board.rows.count)"))
    _ = board.handle(.char("/"), tick: 1)
    for c in "qqqq" { _ = board.handle(.char(c), tick: 1) }
    let none = BoardFixture.render(board, width: 160, height: 48).text
    #expect(none.contains("没有匹配“zxpqqqq”") && !none.contains("没有下级"), "\(none)")
  }
}

/// `!` keeps only the rows that need action, and again shows them all.
struct BoardActionOnlyTests {
  @Test func bangKeepsTheRowsNeedingAction() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .station)
    let all = board.rows.count
    _ = board.handle(.char("!"), tick: 0)
    let kept = board.rows
    #expect(!kept.isEmpty && kept.count < all)
    #expect(kept.allSatisfy { $0.needsAction })
    #expect(BoardFixture.render(board, width: 160, height: 48, tick: 0.1).text.contains("仅需处理"))
    _ = board.handle(.char("!"), tick: 1)
    #expect(board.rows.count == all)
  }
}
