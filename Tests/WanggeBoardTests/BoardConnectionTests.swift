import Foundation
import GRDB
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
@testable import WanggeSQLite
import WanggeStore

/// What the board does with its live feed: a commit announced reaches the screen, a lost server is
/// said in the header while the last figures stay, and the reconnection reads everything again.
struct BoardConnectionTests {
  static func text(_ buffer: Buffer) -> [String] { buffer.lines() }

  @Test func anAnnouncedCommitIsReadAtOnce() throws {
    let store = try BoardFixture.writableStore()
    let board = try BoardFixture.board(store)
    let root = try store.root()
    let before = try store.figures(for: [root.id], at: BoardFixture.anchor, window: .days(7))[root.id]!
    let household = try store.pool.read { db in
      try Int64.fetchOne(
        db, sql: "SELECT household_id FROM help_case WHERE green = 0 ORDER BY household_id LIMIT 1")
    }!
    _ = try SQLiteStore(path: store.path).ingest(
      [
        GridEvent(
          id: "feed-green", at: BoardFixture.anchor, kind: .greenChannel(household: household, open: true))
      ],
      recordedAt: BoardFixture.anchor)
    #expect(!board.take(.quiet, tick: 1), "nothing announced: nothing to draw")
    #expect(board.take(.changed, tick: 2))
    let shown = board.screen.primary.totals?.cells.map(\.text) ?? []
    #expect(shown.contains { $0.contains("‼ \(before.greenChannelOpen + 1)") }, "\(shown)")
  }

  @Test func aLostServerIsSaidInTheHeaderAndTheLastFiguresStay() throws {
    let board = try BoardFixture.board()
    let shown = Self.text(BoardFixture.render(board, width: 120, height: 36))
    #expect(board.take(.lost("server at /tmp/pg:5432 does not answer"), tick: 3))
    #expect(!board.take(.lost("again"), tick: 4), "a second loss report changes nothing on screen")
    #expect(board.isStale)
    let stale = Self.text(BoardFixture.render(board, width: 120, height: 36, tick: 4))
    #expect(stale[0].contains("连接中断 · 重连中…"), "\(stale[0])")
    #expect(stale[0].contains("数据停在 \(InstantFormat.clock(board.asOf))"), "\(stale[0])")
    #expect(Array(stale.dropFirst()) == Array(shown.dropFirst()), "the figures stay on screen")
    #expect(!board.take(.changed, tick: 5), "no read while the server is away")

    #expect(board.take(.reconnected, tick: 6))
    #expect(!board.isStale)
    let back = Self.text(BoardFixture.render(board, width: 120, height: 36, tick: 6))
    #expect(!back[0].contains("连接中断"), "\(back[0])")
    #expect(back.contains { $0.contains("已重新连接") }, "the reconnection is said once")
  }

  @Test func aReadThatFailsAfterTheReconnectionIsTriedAgainEverySecond() throws {
    let racing = RacingStore(try BoardFixture.writableStore())
    let board = try Board(
      store: racing, clock: FixedClock(BoardFixture.anchor), language: .zh, themeName: "default",
      operatorName: "值班员", storeLabel: "feed", isDemo: true)
    #expect(board.take(.lost("server at /tmp/pg:5432 does not answer"), tick: 1))
    racing.refusesReads = true
    _ = board.take(.reconnected, tick: 2)
    #expect(board.isStale, "the read failed: the figures are still the old ones")
    #expect(!board.take(.quiet, tick: 2.5), "not tried again within the second")
    #expect(!board.take(.quiet, tick: 3.1) && board.isStale, "tried again after a second, failed again")
    racing.refusesReads = false
    #expect(!board.take(.quiet, tick: 3.5), "the next try waits its second")
    #expect(board.take(.quiet, tick: 4.2), "the read works now")
    #expect(!board.isStale)
    let screen = BoardFixture.render(board, width: 120, height: 36, tick: 4.2).lines()
    #expect(!screen[0].contains("连接中断") && screen.contains { $0.contains("已重新连接") })
  }
}
