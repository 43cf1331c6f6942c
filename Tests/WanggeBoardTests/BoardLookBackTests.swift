import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// `[` `]` `{` `}` step the board's clock over the recorded events; `.` returns to live.
struct BoardLookBackTests {
  let store = BoardFixture.store

  @Test func aDayBackLeavesOutTheTasksIssuedSinceAndSaysSo() throws {
    let board = try BoardFixture.board(view: .tasks)
    let live = board.rows.count
    let root = try store.root()
    let dayBack = BoardFixture.anchor - .days(1)
    let expected = try store.tasks(in: root.id, at: dayBack, window: board.window).count
    #expect(expected < live, "the fixture issues tasks within the last day")
    _ = board.handle(.char("{"), tick: 0)
    #expect(board.asOf == dayBack)
    #expect(board.rows.count == expected)
    #expect(board.isReadOnly)
    let header = BoardFixture.render(board, width: 160, height: 48, tick: 0.1).lines()[0]
    #expect(header.contains("回看 11-21 20:00") && header.contains("响应完成数按现有记录"), "\(header)")
    _ = board.handle(.char("]"), tick: 1)
    #expect(board.asOf == dayBack + .hours(1))
    _ = board.handle(.char("."), tick: 2)
    #expect(board.asOf == BoardFixture.anchor && !board.isReadOnly)
    #expect(board.rows.count == live)
    #expect(BoardFixture.render(board, width: 160, height: 48, tick: 2.1).lines()[0].contains("数据 20:00:00"))
  }

  @Test func lookingBackIsReadOnlyAndNeverPassesNow() throws {
    let board = try BoardFixture.board()
    _ = board.handle(.char("]"), tick: 0)
    #expect(board.asOf == BoardFixture.anchor)
    #expect(BoardFixture.render(board, width: 120, height: 30, tick: 0.1).text.contains("已是实时"))
    _ = board.handle(.char("["), tick: 1)
    #expect(board.asOf == BoardFixture.anchor - .hours(1))
    _ = board.handle(.char("d"), tick: 2)
    guard case .normal = board.mode else {
      Issue.record("d opened something while looking back")
      return
    }
    #expect(BoardFixture.render(board, width: 120, height: 30, tick: 2.1).text.contains("只读"))
  }
}
