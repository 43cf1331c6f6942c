import Foundation
import SnapshotSupport
import Testing
import TerminalUI
import WanggeCore
import WanggeStore

@testable import WanggeBoard

/// `v` on a household row: a reason, one audit record, the full name and phone for 30 s, then masked;
/// refused for a role that may not reveal, read-only and looking back.
@Suite struct BoardRevealTests {
  static func unitBoard(
    _ store: any GridStore, role: OperatorRole = .admin, view: BoardView = .unit,
    path: String = BoardFixture.unit
  ) throws -> Board {
    let start = try store.resolve(PlacePath(parsing: path))
    let board = try Board(
      store: store, clock: FixedClock(BoardFixture.anchor), language: .zh, themeName: "default",
      operatorName: "值班员", storeLabel: "jiaohe.sqlite", isDemo: true, start: start, view: view)
    board.revealer = BoardRevealer(desk: store, role: role)
    return board
  }

  static func type(_ text: String, into board: Board, tick: Double) {
    for c in text { _ = board.handle(.char(c), tick: tick) }
  }

  static func reveals(_ store: any GridStore) throws -> [AuditEntry] {
    try store.auditTrail(AuditQuery()).filter { $0.action == "reveal" }
  }

  @Test func revealRecordsTheReasonShowsThePhoneAndMasksItAfter30Seconds() throws {
    let store = try BoardFixture.writableStore()
    let board = try Self.unitBoard(store)
    let row = try #require(board.selectedRow)
    let id = try #require(board.householdID(ofRowKey: row.key))
    let unit = try store.resolve(PlacePath(parsing: BoardFixture.unit))
    let household = try #require(try store.households(ofUnit: unit.id).first { $0.household.id == id })
      .household
    #expect(!BoardFixture.render(board, width: 100, height: 30).text.contains(household.phone))

    _ = board.handle(.char("v"), tick: 0)
    guard case .revealing = board.mode else {
      Issue.record("v did not ask for a reason: \(board.mode)")
      return
    }
    assertSnapshot(BoardFixture.render(board, width: 80, height: 24), named: "reveal-prompt-zh-80x24")
    Self.type("送药联系", into: board, tick: 1)
    _ = board.handle(.enter, tick: 2)
    guard case .normal = board.mode else {
      Issue.record("Enter did not close the prompt: \(board.mode)")
      return
    }
    let records = try Self.reveals(store)
    #expect(records.count == 1)
    #expect(records.first?.detail.contains("送药联系") == true)
    #expect(records.first?.detail.contains("\(id)") == true)
    #expect(records.first?.operatorName == "值班员")

    let shown = BoardFixture.render(board, width: 100, height: 30, tick: 3).text
    #expect(shown.contains(household.phone))
    #expect(shown.contains(household.headName))
    #expect(shown.contains("29 秒后隐藏"))
    #expect(board.rows.allSatisfy { !$0.cells.map(\.text).contains(household.phone) }, "rows stay masked")
    #expect(board.nextTimedRedraw(tick: 3) == 4)

    // The board ticks on for 30 s: masked again, and the data is forgotten.
    var tick = 3.0
    while tick < 33 {
      _ = board.nextTimedRedraw(tick: tick)
      tick += 1
    }
    let after = BoardFixture.render(board, width: 100, height: 30, tick: 32).text
    #expect(!after.contains(household.phone))
    #expect(!after.contains("秒后隐藏"))
    #expect(board.revealed == nil)
    #expect(board.revealedHouseholdID(at: 32) == nil)
    #expect(board.nextTimedRedraw(tick: 40) == nil || board.nextTimedRedraw(tick: 40)! > 40)
    #expect(try Self.reveals(store).count == 1)
  }

  @Test func escCancelsAndATooShortReasonKeepsThePrompt() throws {
    let store = try BoardFixture.writableStore()
    let board = try Self.unitBoard(store)
    _ = board.handle(.char("v"), tick: 0)
    Self.type("x", into: board, tick: 0)
    _ = board.handle(.enter, tick: 0)
    guard case .revealing = board.mode else {
      Issue.record("a one-character reason closed the prompt")
      return
    }
    #expect(BoardFixture.render(board, width: 100, height: 30).text.contains("理由需 2–200 个字"))
    _ = board.handle(.escape, tick: 1)
    guard case .normal = board.mode else {
      Issue.record("Esc did not cancel")
      return
    }
    #expect(try Self.reveals(store).isEmpty)
    #expect(board.revealedHouseholdID(at: 1) == nil)
  }

  @Test(arguments: [OperatorRole.viewer, .station])
  func aRoleThatMayNotRevealSeesWhy(role: OperatorRole) throws {
    let store = try BoardFixture.writableStore()
    let board = try Self.unitBoard(store, role: role)
    _ = board.handle(.char("v"), tick: 0)
    guard case .normal = board.mode else {
      Issue.record("the prompt opened for a \(role)")
      return
    }
    let screen = BoardFixture.render(board, width: 100, height: 30).text
    #expect(screen.contains("不能查看完整姓名和电话（需要指挥长或管理员）"))
    #expect(try Self.reveals(store).isEmpty)
  }

  @Test func readOnlyAndLookingBackRefuse() throws {
    let store = try BoardFixture.writableStore()
    let board = try Self.unitBoard(store)
    board.access.readOnly = true
    _ = board.handle(.char("v"), tick: 0)
    #expect(BoardFixture.render(board, width: 100, height: 30).text.contains("只读：不能查看完整姓名和电话"))
    board.access.readOnly = false
    _ = board.handle(.char("["), tick: 1)
    _ = board.handle(.char("v"), tick: 1)
    #expect(BoardFixture.render(board, width: 100, height: 30, tick: 1).text.contains("回看模式只读：不能查看"))
    guard case .normal = board.mode else {
      Issue.record("the prompt opened while looking back")
      return
    }
    #expect(try Self.reveals(store).isEmpty)
  }

  @Test func theHelpListRevealsItsSelectedHousehold() throws {
    let store = try BoardFixture.writableStore()
    let board = try Self.unitBoard(store, view: .help, path: "河北街道")
    let row = try #require(board.selectedRow)
    let id = try #require(board.householdID(ofRowKey: row.key))
    _ = board.handle(.char("v"), tick: 0)
    Self.type("电话回访", into: board, tick: 0)
    _ = board.handle(.enter, tick: 0)
    #expect(board.revealedHouseholdID(at: 1) == id)
    let record = try #require(try Self.reveals(store).first)
    #expect(record.detail.contains("电话回访"))
  }

  @Test func vOutsideAHouseholdListSaysWhere() throws {
    let board = try BoardFixture.board(path: "河北街道", view: .overview)
    board.revealer = BoardRevealer(desk: BoardFixture.store, role: .admin)
    _ = board.handle(.char("v"), tick: 0)
    guard case .normal = board.mode else {
      Issue.record("v opened a prompt in the overview")
      return
    }
  }
}
