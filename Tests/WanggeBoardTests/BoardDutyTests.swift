import SnapshotSupport
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore
import WanggeSQLite

/// The station view's team card (值班: who holds each post now, 空岗 red), the header's 值班 from the
/// roster, and `:decision` with the station's decision list.
@Suite struct BoardDutyTests {
  static let now = BoardFixture.anchor  // 20:00 China time

  /// A store whose compound has 第一书记 on post (signed in 17:55 for the 18:00 shift), 第二书记
  /// awaited (shift 19:50: 20:00 is exactly the 10-minute grace), 小区副指挥长 empty (19:45, no
  /// sign-in), and 静态管理 off shift (08:00–16:00).
  static func dutyStore() throws -> (SQLiteStore, Place) {
    let store = try BoardFixture.writableStore()
    let compound = try store.resolve(PlacePath(parsing: BoardFixture.compound))
    let first = try store.addDutyPost(
      DutyPost(
        placeID: compound.id, role: "第一书记", person: "赵一", phone: "13800001111", startMinute: 18 * 60,
        lengthMinutes: 600))
    _ = try store.addDutyPost(
      DutyPost(
        placeID: compound.id, role: "第二书记", person: "钱二", startMinute: 19 * 60 + 50, lengthMinutes: 480))
    _ = try store.addDutyPost(
      DutyPost(
        placeID: compound.id, role: "小区副指挥长", person: "孙三", startMinute: 19 * 60 + 45, lengthMinutes: 480))
    _ = try store.addDutyPost(
      DutyPost(placeID: compound.id, role: "静态管理", person: "李四", startMinute: 8 * 60, lengthMinutes: 480))
    #expect(try store.signDuty(post: first.id, at: now - .minutes(5), eventID: "s1", signingOut: false))
    return (store, compound)
  }

  @Test func theStationShowsItsTeamCardWithEmptyPostsRedAndTheHeaderNamesWhoIsOnPost() throws {
    let (store, _) = try Self.dutyStore()
    let board = try BoardFixture.board(store, path: BoardFixture.compound, view: .station)
    let card = try #require(board.screen.secondary.first { $0.title.hasPrefix("值班") })
    #expect(card.title == "值班 · 空岗 1")
    #expect(card.rows.map { $0.cells[0].text } == ["第一书记", "第二书记", "小区副指挥长", "静态管理"])
    #expect(card.rows.map { $0.cells[4].text } == ["✓ 在岗", "… 待签到", "✗ 空岗", "轮休/下班"])
    #expect(card.rows[2].cells[4].style == StatusKind.overdue.style)
    #expect(card.rows[0].cells[2].text != "13800001111", "the phone is masked")
    #expect(board.screen.onDuty == "赵一")
    let screen = BoardFixture.render(board, width: 120, height: 40)
    #expect(screen.text.contains("值班 赵一"))
    assertSnapshot(screen, named: "station-duty-zh-120x40")

    // One second past the grace, 第二书记 is 空岗 too.
    let later = try BoardFixture.board(
      store, path: BoardFixture.compound, view: .station, clock: FixedClock(Self.now + Span(seconds: 1)))
    let card2 = try #require(later.screen.secondary.first { $0.title.hasPrefix("值班") })
    #expect(card2.title == "值班 · 空岗 2")
  }

  @Test func withoutARosterTheHeaderKeepsTheOperatorName() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .station)
    #expect(board.screen.onDuty == nil)
    #expect(!board.screen.secondary.contains { $0.title.hasPrefix("值班") })
    #expect(BoardFixture.render(board, width: 120, height: 40).text.contains("值班 值班员"))
  }

  @Test func colonDecisionRecordsADecisionAtThePlaceAndTheStationListsIt() throws {
    let (store, compound) = try Self.dutyStore()
    let board = try BoardFixture.board(store, path: BoardFixture.compound, view: .station)
    #expect(try board.run(command: "decision 补齐卡口值守 / 孙三 / +2h", tick: 0))
    #expect(try board.run(command: "decision 只有事项", tick: 1))  // usage, nothing stored
    let list = try store.decisions(of: compound.id, at: Self.now)
    #expect(list.count == 1)
    #expect(list.first?.owner == "孙三")
    #expect(list.first?.due == Self.now + .hours(2))
    let panel = try #require(board.screen.secondary.first { $0.title == "例会决定" })
    #expect(panel.rows.map { $0.cells[0].text } == ["补齐卡口值守"])
    #expect(panel.rows[0].cells[3].text == "… 办理中")
    assertSnapshot(BoardFixture.render(board, width: 120, height: 40), named: "station-decision-zh-120x40")
  }
}
