import SnapshotSupport
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeSQLite
import WanggeStore

/// The `工单` view, its keys, the overview's column and the green-channel header, on a writable store.
@Suite struct BoardOrdersTests {
  let t0 = BoardFixture.anchor

  func household(_ store: SQLiteStore) throws -> Int64 {
    let unit = try store.resolve(PlacePath(parsing: BoardFixture.unit))
    return try #require(store.households(ofUnit: unit.id).first).household.id
  }

  @Test func openClaimCloseFromTheBoard() throws {
    let store = try BoardFixture.writableStore()
    let board = try BoardFixture.board(store, path: BoardFixture.unit, view: .unit)
    _ = board.handle(.char("o"), tick: 0)  // the command line reads "order 代购 "
    for c in "米 油" { _ = board.handle(.char(c), tick: 0) }
    _ = board.handle(.enter, tick: 0)
    _ = board.handle(.char("4"), tick: 0)
    #expect(board.view == .orders)
    #expect(board.screen.primary.rows.count == 1)
    let id = try #require(board.screen.primary.rows.first?.key.dropFirst()).description
    _ = board.handle(.char("c"), tick: 0)
    for c in "李红" { _ = board.handle(.char(c), tick: 0) }
    _ = board.handle(.enter, tick: 0)
    _ = board.handle(.char("x"), tick: 0)
    _ = board.handle(.enter, tick: 0)
    let rows = try store.orders(under: store.root().id, at: t0 + .hours(1), closedWithin: .days(1), limit: 10)
    let o = try #require(rows.first { $0.order.id == id }).order
    #expect(o.state == .closed && o.claimedBy == "李红" && o.outcome == .delivered && o.kind == .purchase)
    #expect(try store.verify() == [])
  }

  @Test func headerShowsUntakenGreenChannelsUntilTaken() throws {
    let store = try BoardFixture.writableStore()
    let h = try household(store)
    _ = try store.openGreen(
      GreenOpenRequest(
        id: "g", householdID: h, kind: .medical, raisedBy: "网格员", at: t0 - .minutes(47), source: "t"))
    _ = try store.openOrder(
      OrderOpenRequest(
        id: "o-late", householdID: h, kind: .purchase, items: "米 油", openedBy: "楼长",
        at: t0 - .hours(1), source: "t"))
    for path in [nil, "河北街道", BoardFixture.compound] {
      let board = try BoardFixture.board(store, path: path, view: .overview)
      #expect(
        BoardFixture.render(board, width: 160, height: 30).text.contains("‼ 绿色通道 1 · 最久 47 分"),
        "\(path ?? "root")")
    }
    let board = try BoardFixture.board(store, path: "河北街道", view: .overview)
    #expect(BoardFixture.render(board, width: 160, height: 30).text.contains("1 · 1"), "工单 待领 · 超时 per child")
    let orders = try BoardFixture.board(store, path: BoardFixture.compound, view: .orders)
    assertSnapshot(BoardFixture.render(orders, width: 120, height: 14), named: "orders-zh-120x14")
    _ = try store.act(onGreen: "g", .take(by: "王站长"), eventID: "take", at: t0, source: "t")
    try board.reload(compare: true, tick: 1)
    #expect(!BoardFixture.render(board, width: 160, height: 30).text.contains("绿色通道 1"))
  }

  @Test func cClaimsForAVolunteerNamedByPinyinInitials() throws {
    let store = try BoardFixture.writableStore()
    let compound = try store.resolve(PlacePath(parsing: BoardFixture.compound))
    let volunteers = try store.volunteers(under: compound.id, at: t0, limit: 500).map(\.volunteer.name)
    // A volunteer whose initials no other volunteer here starts with.
    let unique = try #require(
      volunteers.first { v in
        let i = PinyinInitials.initials(of: v).lowercased()
        return !i.isEmpty
          && volunteers.filter { PinyinInitials.initials(of: $0).lowercased().hasPrefix(i) }.count == 1
      })
    _ = try store.openOrder(
      OrderOpenRequest(
        id: "py", householdID: try household(store), kind: .medicine, items: "药", openedBy: "x",
        at: t0 - .minutes(5), source: "t"))
    let board = try BoardFixture.board(store, path: BoardFixture.compound, view: .orders)
    _ = board.handle(.char("c"), tick: 0)
    for ch in PinyinInitials.initials(of: unique).lowercased() { _ = board.handle(.char(ch), tick: 0) }
    _ = board.handle(.enter, tick: 0)
    let o = try #require(
      try store.orders(under: compound.id, at: t0, closedWithin: .days(1), limit: 5).first {
        $0.order.id == "py"
      })
    #expect(o.order.claimedBy == unique, "initials \(PinyinInitials.initials(of: unique)) → \(unique)")
  }
}
