import Foundation
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeSQLite
import WanggeStore

/// `d` form → confirm → task with one assignment per unit; `u` within 10 s; tasks view; `r`; `g`.
@Suite(.serialized) struct BoardDispatchTests {
  func type(_ board: Board, _ text: String) { for c in text { _ = board.handle(.char(c), tick: 0) } }

  @Test func dispatchFromTheBoardNeedsASecondKeyAndUndoWithdrawsIt() throws {
    let store = try BoardFixture.writableStore()
    let board = try BoardFixture.board(store, path: "河北街道/水映花城社区")
    let units = try store.fanOut(of: board.place.id).units
    let before = try store.tasks(in: board.place.id, at: BoardFixture.anchor, window: .days(7)).count
    _ = board.handle(.char("d"), tick: 0)
    _ = board.handle(.tab, tick: 0)
    type(board, "第四轮排查")
    let screen = BoardFixture.render(board, width: 120, height: 36).text
    #expect(screen.contains("将下发到 \(NumberText.grouped(units)) 个单元"))
    _ = board.handle(.enter, tick: 0)
    guard case .confirming = board.mode else {
      Issue.record("Enter on the form must ask for confirmation")
      return
    }
    _ = board.handle(.enter, tick: 1)  // "no" is selected: Enter alone does not send
    #expect(try store.tasks(in: board.place.id, at: BoardFixture.anchor, window: .days(7)).count == before)
    _ = board.handle(.char("d"), tick: 2)
    _ = board.handle(.tab, tick: 2)
    type(board, "第四轮排查")
    _ = board.handle(.enter, tick: 2)
    _ = board.handle(.char("y"), tick: 3)
    let now = BoardFixture.anchor
    let tasks = try store.tasks(in: board.place.id, at: now, window: .days(7))
    let task = try #require(tasks.first { $0.task.title == "第四轮排查" })
    #expect(task.tally.assigned == units)
    _ = board.handle(.char("u"), tick: 12.9)
    #expect(
      try store.tasks(in: board.place.id, at: now, window: .days(7)).allSatisfy { $0.task.title != "第四轮排查" })
    #expect(try store.verify().isEmpty)
  }

  @Test func undoAfterTenSecondsIsRefused() throws {
    let store = try BoardFixture.writableStore()
    let board = try BoardFixture.board(store, path: "河北街道/水映花城社区")
    _ = board.handle(.char("d"), tick: 0)
    _ = board.handle(.tab, tick: 0)
    type(board, "晚了")
    _ = board.handle(.enter, tick: 0)
    _ = board.handle(.char("y"), tick: 0)
    _ = board.handle(.char("u"), tick: 10.5)
    let tasks = try store.tasks(in: board.place.id, at: BoardFixture.anchor, window: .days(7))
    #expect(tasks.contains { $0.task.title == "晚了" })
    #expect(BoardFixture.render(board, width: 120, height: 36, tick: 10.6).text.contains("不能撤销"))
  }

  @Test func tasksViewOpensATaskGroupsItAndReminds() throws {
    let store = try BoardFixture.writableStore()
    let board = try BoardFixture.board(store, path: BoardFixture.compound, view: .tasks)
    let first = try #require(board.rows.first)
    #expect(first.cells[2].text == "第三轮全员排查")
    _ = board.handle(.enter, tick: 0)
    #expect(board.view == .taskDetail)
    #expect(board.screen.primary.title.contains("按指挥部分组"))
    _ = board.handle(.char("g"), tick: 0)
    #expect(board.screen.primary.title.contains("按部门分组"))
    _ = board.handle(.char("r"), tick: 0)
    let text = BoardFixture.render(board, width: 160, height: 48, tick: 0.5).text
    #expect(text.contains("已提醒"))
    _ = board.handle(.escape, tick: 1)
    #expect(board.view == .tasks)
  }
}
