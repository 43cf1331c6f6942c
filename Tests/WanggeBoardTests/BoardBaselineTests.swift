import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// `b` shows every overview figure as now with its change since the latest baseline.
struct BoardBaselineTests {
  @Test func bShowsTheExactChangeSinceTheBaselineAndAgainTurnsItOff() throws {
    let store = try BoardFixture.writableStore()
    let now = BoardFixture.anchor
    let board = try BoardFixture.board(store)
    _ = board.handle(.char("b"), tick: 0)
    #expect(board.baseline == nil, "no baseline yet: b says so")
    _ = try store.markBaseline(name: "早例会", at: now, window: board.window)
    let root = try store.root()
    let task = try #require(
      try store.tasks(in: root.id, at: now, window: board.window).max { $0.task.id < $1.task.id })
    let pending = try store.assignments(of: task.task.id, under: root.id, at: now, limit: 100_000)
      .filter { $0.state == .pending }.prefix(100)
    #expect(pending.count == 100)
    _ = try store.ingest(
      pending.map {
        GridEvent(
          id: "bb-\($0.unitID)", at: now, kind: .acknowledged(task: task.task.id, unit: .id($0.unitID)))
      }, recordedAt: now, source: "test")
    _ = board.handle(.char("b"), tick: 1)
    #expect(board.baseline?.name == "早例会")
    let then = try #require(try store.baselineFigures(board.baseline!.id, for: [root.id])[root.id])
    let live = try #require(try store.figures(for: [root.id], at: now, window: board.window)[root.id])
    #expect(live.acknowledgedOnTime - then.acknowledgedOnTime == 100)
    let change = FigureChange(.responseRate, then: then.responseRate, now: live.responseRate)
    let totals = try #require(board.screen.primary.totals)
    #expect(totals.cells[4].text.hasSuffix(change.arrowText), "\(totals.cells[4].text)")
    #expect(change.arrowText.hasPrefix("↑"))
    #expect(totals.cells[4].style == Style(.good))
    #expect(board.screen.primary.title.contains("较「早例会」"))
    _ = board.handle(.char("b"), tick: 2)
    #expect(board.baseline == nil)
    #expect(!(board.screen.primary.totals?.cells[4].text.contains("↑") ?? true))
  }
}
