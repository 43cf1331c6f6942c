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
    let confirm = BoardFixture.render(board, width: 120, height: 36).text
    #expect(confirm.contains("范围：蛟河市 › 河北街道 › 水映花城社区"), "the full scope path")
    #expect(confirm.contains("3小时内响应（截止 23:00）"), "the ack deadline as a clock time")
    #expect(confirm.contains("15小时内完成（截止 11-23 11:00）"), "the finish deadline with its date")
    _ = board.handle(.enter, tick: 1)  // "no" is selected: Enter alone does not send
    #expect(try store.tasks(in: board.place.id, at: BoardFixture.anchor, window: .days(7)).count == before)
    _ = board.handle(.char("d"), tick: 2)  // the cancelled draft comes back
    guard case .dispatching(let form) = board.mode else {
      Issue.record("d must reopen the form")
      return
    }
    #expect(form.fields[1].editor.text == "第四轮排查", "a cancelled confirmation keeps the draft")
    _ = board.handle(.enter, tick: 2)
    _ = board.handle(.char("y"), tick: 3)
    let countdown = BoardFixture.render(board, width: 120, height: 36, tick: 3.2).text
    #expect(countdown.contains("u 撤销（剩 10 秒）"))
    #expect(BoardFixture.render(board, width: 120, height: 36, tick: 8.5).text.contains("u 撤销（剩 5 秒）"))
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
    _ = board.handle(.char("r"), tick: 0)  // nobody is overdue yet on the newest task
    #expect(BoardFixture.render(board, width: 160, height: 48, tick: 0.1).text.contains("无需提醒"))
    _ = board.handle(.escape, tick: 0)
    _ = board.handle(.down, tick: 0)
    _ = board.handle(.enter, tick: 0)
    _ = board.handle(.char("r"), tick: 0)
    guard case .confirmingReminder = board.mode else {
      Issue.record("r must ask once before reminding")
      return
    }
    #expect(!BoardFixture.render(board, width: 160, height: 48, tick: 0.1).text.contains("30 分钟内已提醒过"))
    _ = board.handle(.char("y"), tick: 0)
    let text = BoardFixture.render(board, width: 160, height: 48, tick: 0.5).text
    #expect(text.contains("已提醒"))
    _ = board.handle(.char("r"), tick: 0.6)
    let again = BoardFixture.render(board, width: 160, height: 48, tick: 0.7).text
    #expect(again.contains("30 分钟内已提醒过：上次在 20:00"), "a second reminder says when the last went")
    _ = board.handle(.escape, tick: 0.8)
    guard case .normal = board.mode else {
      Issue.record("Esc cancels the reminder")
      return
    }
    _ = board.handle(.escape, tick: 1)
    #expect(board.view == .tasks)
  }
}
