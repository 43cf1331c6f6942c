import Foundation
import GRDB
import TerminalUI
import Testing
import WanggeCore

@testable import WanggeSQLite
import WanggeStore
@testable import WanggeBoard

/// The board on a store holding absurd stored values, and the dispatch form's window bounds.
@Suite(.serialized) struct BoardBoundsTests {
  func type(_ board: Board, _ text: String) { for c in text { _ = board.handle(.char(c), tick: 0) } }

  @Test func theBoardDrawsAndOpensATaskWithAnAbsurdWindow() throws {
    let store = try BoardFixture.writableStore()
    try store.writer.write { db in
      try db.execute(
        sql: "UPDATE task SET finish_within = 106751991167300 * 86400, ack_within = 9223372036854775807")
      try db.execute(sql: "UPDATE assignment SET acked_at = -9223372036854775807 WHERE acked_at IS NOT NULL")
    }
    let board = try BoardFixture.board(store, path: BoardFixture.compound, view: .tasks)
    #expect(!board.rows.isEmpty)
    _ = BoardFixture.render(board, width: 160, height: 48).text
    _ = board.handle(.enter, tick: 0)
    #expect(board.view == .taskDetail)
    #expect(!BoardFixture.render(board, width: 160, height: 48).text.isEmpty)
    for view in [BoardView.overview, .station, .leaders] {
      let other = try BoardFixture.board(store, path: "河北街道", view: view)
      _ = BoardFixture.render(other, width: 160, height: 48).text
    }
  }

  @Test func theDispatchFormRefusesWindowsOverThirtyDays() throws {
    let store = try BoardFixture.writableStore()
    let board = try BoardFixture.board(store, path: "河北街道/水映花城社区", language: .en)
    let before = try TestDigest.tasks(store)
    _ = board.handle(.char("d"), tick: 0)
    _ = board.handle(.tab, tick: 0)
    type(board, "too long")
    for _ in 0..<3 { _ = board.handle(.tab, tick: 0) }  // the finish window
    _ = board.handle(.ctrl("u"), tick: 0)
    type(board, "106751991167300d")
    _ = board.handle(.enter, tick: 0)
    guard case .dispatching(let form) = board.mode else {
      Issue.record("the form must stay open, not ask to confirm: \(board.mode)")
      return
    }
    #expect(form.problem == "Finish within: must be more than 0 and at most 30 days")
    #expect(try TestDigest.tasks(store) == before)
  }
}

/// How many tasks a store holds (the form tests write nothing).
enum TestDigest {
  static func tasks(_ store: SQLiteStore) throws -> Int {
    try store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM task") ?? 0 }
  }
}
