import Foundation
import GRDB
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// The change token is read before the load it guards: a commit that lands while the board is loading is
/// seen by the next poll, not left off screen until some later commit.
struct BoardChangeTokenTests {
  @Test func aCommitLandingDuringTheLoadReachesTheScreenOnTheNextPoll() throws {
    let base = try BoardFixture.writableStore()
    let racing = RacingStore(base)
    let board = try Board(
      store: racing, clock: FixedClock(BoardFixture.anchor), language: .zh, themeName: "default",
      operatorName: "值班员", storeLabel: "race.sqlite", isDemo: true)
    let root = try base.root()
    let before = try base.figures(for: [root.id], at: BoardFixture.anchor, window: .days(7))[root.id]!
    let household = try base.pool.read { db in
      try Int64.fetchOne(
        db, sql: "SELECT household_id FROM help_case WHERE green = 0 ORDER BY household_id LIMIT 1")
    }!
    // Another process (its own connection) opens a green channel right after the board's figures read.
    let other = try SQLiteStore(path: base.path)
    racing.arm {
      _ = try other.ingest(
        [
          GridEvent(
            id: "race-green", at: BoardFixture.anchor, kind: .greenChannel(household: household, open: true))
        ],
        recordedAt: BoardFixture.anchor)
    }
    try board.reload(compare: false, tick: 0)
    let shown = board.screen.primary.totals?.cells.map(\.text) ?? []
    #expect(shown.contains { $0.contains("‼ \(before.greenChannelOpen)") }, "the load ran before the commit")
    #expect(try board.refreshIfChanged(tick: 1), "the next poll must see the commit")
    let after = board.screen.primary.totals?.cells.map(\.text) ?? []
    #expect(after.contains { $0.contains("‼ \(before.greenChannelOpen + 1)") }, "\(after)")
  }
}
