import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// The action queue's "falls due" window follows `amber_within`; looking back shows Δ against now.
@Suite struct BoardThresholdWindowTests {
  @Test func theQueueWindowFollowsAmberWithin() throws {
    let store = BoardFixture.store
    let root = try store.root()
    let now = BoardFixture.anchor
    let tasks = try store.tasks(in: root.id, at: now, window: .days(7))
    func dueSoon(_ within: Int64) throws -> Int {
      try store.actionQueue(
        under: root, tasks: tasks, at: now, window: .days(7), limit: 50, dueWithin: within
      )
      .items.filter { $0.kind == .ackDueSoon || $0.kind == .finishDueSoon }.count
    }
    #expect(try dueSoon(0) == 0)
    #expect(try dueSoon(86_400 * 7) > dueSoon(0))
    var wide = BoardThresholds()
    wide.amberWithin = 86_400 * 7
    let board = try Board(
      store: store, clock: FixedClock(now), language: .zh, themeName: "default", operatorName: "值班员",
      storeLabel: "jiaohe.sqlite", isDemo: true, thresholds: wide)
    let listed = board.screen.secondary[0].rows.filter { $0.cells.contains { $0.text.contains("将到期") } }
    #expect(!listed.isEmpty)
    #expect(board.screen.strip.contains { $0.label == "7天内到期" }, "\(board.screen.strip.map(\.label))")
  }

  @Test func lookingBackShowsDeltaAgainstNowInTheStrip() throws {
    let board = try BoardFixture.board(
      path: "河北街道", clock: FixedClock(BoardFixture.anchor))
    #expect(!board.screen.strip.contains { $0.value.text.contains("Δ") })
    _ = board.handle(.char("["), tick: 0)
    let rate = try #require(board.screen.strip.first)
    #expect(rate.value.text.contains("(Δ "), "\(rate.value.text)")
    let screen = BoardFixture.render(board, width: 200, height: 48, tick: 0).text
    #expect(screen.contains("Δ=现在−当时"), "\(screen)")
    _ = board.handle(.tab, tick: 1)
    #expect(BoardFixture.render(board, width: 200, height: 48, tick: 1).text.contains("此视图不显示 Δ"))
    _ = board.handle(.char("."), tick: 2)
    #expect(!board.screen.strip.contains { $0.value.text.contains("Δ") })
  }
}
