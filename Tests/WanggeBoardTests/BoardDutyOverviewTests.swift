import Foundation
import SnapshotSupport
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore
import WanggeSQLite

/// 空岗 in every ancestor's overview (a column per child, the scope's figure in the totals and the
/// strip), read from the duty rollup; and the automatic baselines a running board marks itself.
@Suite struct BoardDutyOverviewTests {
  static let now = BoardFixture.anchor  // 20:00 China time

  @Test func everyAncestorsOverviewCountsTheEmptyPostInAColumnAndTheStrip() throws {
    let (store, compound) = try BoardDutyTests.dutyStore()  // 小区副指挥长 empty since 19:55:01
    var ancestors = try BoardFixture.compound.split(separator: "/").indices.map { i in
      BoardFixture.compound.split(separator: "/").prefix(i).joined(separator: "/")
    }
    ancestors[0] = ""  // the root
    for path in ancestors {
      let board = try BoardFixture.board(store, path: path.isEmpty ? nil : path, view: .overview)
      let table = board.screen.primary
      let col = try #require(table.columns.firstIndex { $0.title == "空岗" }, "\(path)")
      #expect(table.totals?.cells[col].text == "✗ 1", "\(path)")
      #expect(table.rows.filter { $0.cells[col].text == "✗ 1" }.count == 1, "\(path)")
      #expect(board.screen.strip.contains { $0.label == "空岗" && $0.value.text == "✗ 1" }, "\(path)")
    }
    let street = try BoardFixture.board(store, path: "河北街道", view: .overview)
    assertSnapshot(BoardFixture.render(street, width: 160, height: 40), named: "overview-duty-zh-160x40")
    // At 19:55:00 exactly (start + 600 s) the post is still awaited: no column.
    let edge = try BoardFixture.board(
      store, path: "河北街道", view: .overview, clock: FixedClock(Self.now - Span(seconds: 300)))
    #expect(!edge.screen.primary.columns.contains { $0.title == "空岗" })
    _ = compound
  }

  /// A clock the test moves.
  final class StepClock: Clock, @unchecked Sendable {
    var instant: Instant
    init(_ i: Instant) { instant = i }
    func now() -> Instant { instant }
  }

  @Test func aRunningBoardMarksTheScheduledBaselineOnceWhenItsClockCrosses0800() throws {
    let store = try BoardFixture.writableStore()
    let eight = InstantFormat.parse("2026-11-23T08:00:00+08:00")!
    let clock = StepClock(eight - Span(seconds: 2))
    let board = try BoardFixture.board(store, clock: clock)
    let other = try BoardFixture.board(store, clock: clock)
    let before = try store.baselines().count
    #expect(!board.markScheduledBaselineIfDue(tick: 0), "the first poll only starts the clock")
    #expect(!other.markScheduledBaselineIfDue(tick: 0))
    clock.instant = eight - Span(seconds: 1)
    #expect(!board.markScheduledBaselineIfDue(tick: 1), "07:59:59: not yet")
    clock.instant = eight
    #expect(board.markScheduledBaselineIfDue(tick: 2), "08:00:00: marked")
    #expect(!other.markScheduledBaselineIfDue(tick: 2), "a second board finds the slot marked")
    #expect(
      try store.markScheduledBaselines(.standard, at: eight, window: .days(7)).isEmpty,
      "so does baseline auto")
    let marks = try store.baselines().dropFirst(before)
    #expect(marks.map(\.name) == ["auto 08:00"])
    #expect(marks.first?.at == eight)
    #expect(BoardFixture.render(board, width: 160, height: 40, tick: 2).text.contains("已自动标记基线「auto 08:00」"))
    clock.instant = eight + Span(seconds: 60)
    #expect(!board.markScheduledBaselineIfDue(tick: 3), "once per slot")
    #expect(try store.baselines().count == before + 1)
  }

  @Test func aBoardThatMayNotWriteMarksNothing() throws {
    let store = try BoardFixture.writableStore()
    let eight = InstantFormat.parse("2026-11-23T08:00:00+08:00")!
    let clock = StepClock(eight - Span(seconds: 1))
    let board = try BoardFixture.board(store, clock: clock)
    board.access = BoardAccess(readOnly: true, standby: true)
    _ = board.markScheduledBaselineIfDue(tick: 0)
    clock.instant = eight
    #expect(!board.markScheduledBaselineIfDue(tick: 1))
    #expect(try store.baselines().isEmpty)
  }

  @Test func twoStoresMarkingTheSameSlotAtOnceKeepOne() throws {
    // The unique index on automatic slots refuses a second row for the same instant.
    let store = try BoardFixture.writableStore()
    let eight = InstantFormat.parse("2026-11-23T08:00:00+08:00")!
    _ = try store.markBaseline(name: "auto 08:00", at: eight, window: .days(7))
    #expect(throws: (any Error).self) {
      try store.markBaseline(name: "auto 08:00", at: eight, window: .days(7))
    }
    #expect(try store.baselines().count == 1)
  }
}
