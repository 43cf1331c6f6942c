import Foundation
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeSQLite
import WanggeStore

/// `board --at` looks back read-only at a fixed instant; `--start-at` runs a drill clock; both say so.
struct BoardClockTests {
  func board(lookingBack: Bool) throws -> Board {
    let store = BoardFixture.store
    let start = try store.resolve(PlacePath(parsing: "河北街道/水映花城社区"))
    return try Board(
      store: store, clock: FixedClock(BoardFixture.anchor), language: .zh, themeName: "default",
      operatorName: "值班员", storeLabel: "jiaohe.sqlite", isDemo: true, start: start, lookingBack: lookingBack)
  }

  @Test func lookingBackSaysSoInTheHeaderAndJudgesAtThatInstant() throws {
    let board = try board(lookingBack: true)
    let header = BoardFixture.render(board, width: 160, height: 48).lines()[0]
    #expect(header.contains("回看 2026-11-22 20:00"))
    #expect(!header.contains("数据 20:00:00"))
    #expect(board.asOf == BoardFixture.anchor)
  }

  @Test func lookingBackRefusesDispatchUndoAndReminders() throws {
    let board = try board(lookingBack: true)
    for key in ["d", "u", "r"] {
      _ = board.handle(.char(Character(key)), tick: 0)
      guard case .normal = board.mode else {
        Issue.record("\(key) must not open anything while looking back")
        return
      }
      #expect(BoardFixture.render(board, width: 160, height: 48, tick: 0.1).text.contains("回看模式只读"))
    }
  }

  @Test func theLiveBoardShowsTheTimeOfDayAndADrillClockSaysSo() throws {
    let board = try board(lookingBack: false)
    #expect(BoardFixture.render(board, width: 160, height: 48).lines()[0].contains("数据 20:00:00"))
    board.drillClock = true
    #expect(BoardFixture.render(board, width: 160, height: 48).lines()[0].contains("演练时钟 2026-11-22 20:00"))
    _ = board.handle(.char("d"), tick: 0)
    guard case .dispatching = board.mode else {
      Issue.record("a drill clock dispatches")
      return
    }
  }
}
