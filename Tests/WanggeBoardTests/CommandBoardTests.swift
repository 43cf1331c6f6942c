import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// The overview as a command board: the action queue, its keys, the tasks in flight and the graph.
@Suite struct CommandBoardTests {
  @Test func everyLevelListsWhatNeedsActionMostUrgentFirst() throws {
    for path in [nil, "河北街道", "河北街道/水映花城社区", BoardFixture.compound] {
      let board = try BoardFixture.board(path: path, view: .overview)
      let queue = board.screen.secondary[0]
      #expect(!queue.rows.isEmpty, "queue at \(path ?? "city")")
      #expect(queue.rows.count <= 50)
      #expect(board.screen.secondary[1].rows.count == 2, "two tasks in flight at \(path ?? "city")")
      #expect(!board.screen.strip.isEmpty)
      let screen = BoardFixture.render(board, width: 160, height: 48).text
      #expect(screen.contains("待办") && screen.contains("进行中任务") && screen.contains("现在"))
    }
    // At the compound: the deadline within the hour first (no green channel open), then overdue by lateness.
    let compound = try BoardFixture.board(path: BoardFixture.compound, view: .overview)
    let kinds = compound.screen.secondary[0].rows.map { $0.cells[0].text }
    #expect(kinds.first?.contains("响应将到期") == true)
    #expect(kinds.dropFirst().allSatisfy { $0.contains("超时") || $0.contains("超期") })
  }

  @Test func aMovesToTheQueueEnterOpensTheUnitEscReturnsAndRReminds() throws {
    let store = try BoardFixture.writableStore()
    let board = try BoardFixture.board(store, path: BoardFixture.compound, view: .overview)
    _ = board.handle(.char("a"), tick: 0)
    #expect(board.focusedTable.title.contains("待办"))
    _ = board.handle(.down, tick: 0)
    let row = try #require(board.selectedRow)
    let unit = try #require(row.drillTo)
    _ = board.handle(.enter, tick: 1)
    #expect(board.place.id == unit && board.view == .unit)
    _ = board.handle(.escape, tick: 2)
    #expect(board.view == .overview && board.selectedRow?.key == row.key)
    _ = board.handle(.char("r"), tick: 3)
    guard case .confirmingReminder(_, let task) = board.mode else {
      Issue.record("r on an overdue action asks to confirm; mode \(board.mode)")
      return
    }
    #expect(task == row.taskID)
    _ = board.handle(.char("a"), tick: 4)  // the modal takes keys; Esc closes it
    _ = board.handle(.escape, tick: 5)
    _ = board.handle(.char("a"), tick: 6)
    #expect(!board.focusedTable.title.contains("待办"))
  }

  @Test func enterOnADeadlineOpensTheTask() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .overview)
    _ = board.handle(.char("a"), tick: 0)
    let row = try #require(board.selectedRow)
    #expect(row.drillTo == nil && row.taskID != nil)
    _ = board.handle(.enter, tick: 1)
    #expect(board.view == .taskDetail && board.openTask == row.taskID)
  }

  @Test func theGraphHasItsOwnScaleAndATimeAxis() throws {
    let values: [Double?] = [0.80, 0.81, nil, 0.84, 0.82]
    var buffer = Buffer(width: 30, height: 5)
    BlockGraph(
      values: values, format: { NumberText.percent($0) }, axis: ("昨 21:00", "08:00", "现在"), minimumRange: 0.02
    ).render(in: buffer.area, buffer: &buffer)
    let lines = (0..<5).map { y in (0..<30).map { buffer[$0, y].symbol }.joined() }
    #expect(lines[0].hasPrefix("84.0%"))
    #expect(lines[3].hasPrefix("80.0%"))
    #expect(lines[4].contains("现在") && lines[4].contains("昨"))
    #expect(lines[3].contains("·"), "a missing hour shows as ·")
    // A flat series is drawn mid-height on a scale of at least `minimumRange`.
    let flat = BlockGraph(values: [0.5, 0.5], format: { "\($0)" }, axis: ("", "", ""), minimumRange: 0.02)
    #expect(flat.scale!.high - flat.scale!.low >= 0.02 - 1e-9)
    #expect(BlockGraph.eighths(0.5, low: 0.49, high: 0.51, rows: 4) == 16)
  }

  @Test func theGraphTitleCarriesTheSelectedRowsFigureWhenNoTaskIsOpen() throws {
    // Two hours after every acknowledge deadline, the graph's latest point is the row's on-time figure.
    let later = BoardFixture.anchor + .hours(2)
    let board = try BoardFixture.board(path: "河北街道", view: .overview, clock: FixedClock(later))
    #expect(board.historyOpenTasks == 0)
    let row = try #require(board.selectedRow)
    let figure = row.cells[4].text.split(separator: " ").last.map(String.init) ?? "?"
    #expect(board.history.last.flatMap { $0 }.map { NumberText.percent($0) } == figure)
  }
}
