import Foundation
import Testing
import WanggeCore
@testable import WanggePostgres
@testable import WanggeSQLite
import WanggeStore

/// `wangge copy` carries the meeting tables (baselines and their figures, decisions, the duty roster
/// and its sign-ins): SQLite → PostgreSQL → SQLite loses no row, and the copied store hands out fresh
/// ids afterwards (PostgreSQL's sequences move past the copied ones).
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresMeetingCopyTests {
  static let tables = ["baseline", "baseline_figure", "decision", "duty_post", "duty_sign"]

  @Test func meetingRowsSurviveARoundTripAndNewIdsFollowTheCopiedOnes() throws {
    let original = try SQLiteFixture.tinyDemo(seed: 5)
    defer { SQLiteFixture.remove(original) }
    let now = SQLiteFixture.anchor
    let root = try original.root()
    let station = try #require(try original.children(of: root.id).first)
    let first = try original.markBaseline(name: "早例会", at: now, window: .days(7))
    _ = try original.markBaseline(name: "晚例会", at: now + .hours(10), window: .days(7))
    let decided = try original.addDecision(
      place: station.id, text: "补齐卡口 \\ 值守", owner: "王组长", due: now + .hours(24), at: now)
    _ = try original.addDecision(place: root.id, text: "周通报", owner: "李", due: nil, at: now)
    _ = try original.finishDecision(decided.id, at: now + .hours(2))
    let post = try original.addDutyPost(
      DutyPost(
        placeID: station.id, role: "第一书记", person: "赵一", phone: "13800001111", startMinute: 480,
        lengthMinutes: 600, onDays: 2, offDays: 1, anchorDay: 20_000))
    #expect(try original.signDuty(post: post.id, at: now, eventID: "sign-1", signingOut: false))
    #expect(try original.signDuty(post: post.id, at: now + .hours(9), eventID: "sign-2", signingOut: true))

    let scratch = try TestServer.scratch("meetcopy")
    defer { scratch.drop() }
    _ = try PostgresEngine().load(from: original, at: scratch.url, replace: false)
    let pg = try PostgresStore(PGTarget(scratch.url)!)
    let back = try PostgresCopyTests.tempPath("back.sqlite")
    defer { try? FileManager.default.removeItem(atPath: (back as NSString).deletingLastPathComponent) }
    _ = try SQLiteEngine().load(from: pg, at: back, replace: false)
    let roundTrip = try SQLiteStore(path: back)

    let a = CollectingSink()
    let b = CollectingSink()
    let c = CollectingSink()
    try original.exportTables(into: a)
    try pg.exportTables(into: b)
    try roundTrip.exportTables(into: c)
    for table in Self.tables {
      #expect(!a.sorted(table).isEmpty, "\(table) has rows to copy")
      #expect(a.sorted(table) == b.sorted(table), "\(table): SQLite → PostgreSQL")
      #expect(a.sorted(table) == c.sorted(table), "\(table): → SQLite again")
    }
    // The copies read the same through the contract.
    for store in [pg as any GridStore, roundTrip] {
      #expect(try store.baselines().map(\.name) == ["早例会", "晚例会"])
      #expect(
        try store.baselineFigures(first.id, for: [root.id])
          == original.baselineFigures(first.id, for: [root.id]))
      #expect(
        try store.decisions(of: station.id, at: now + .hours(3))
          == original.decisions(of: station.id, at: now + .hours(3)))
      #expect(try store.dutyRoster(of: station.id) == [post])
      let signs = try store.latestSigns(of: [post.id], at: now + .hours(1))
      #expect(signs[post.id]?.signedIn == true)
    }
    // New rows in the PostgreSQL copy get ids past the copied ones (no duplicate key).
    let next = try pg.markBaseline(name: "次日早例会", at: now + .hours(24), window: .days(7))
    #expect(next.id > first.id + 1)
    #expect(
      try pg.addDecision(place: station.id, text: "新", owner: "张", due: nil, at: now).id > decided.id + 1)
    #expect(
      try pg.addDutyPost(
        DutyPost(placeID: station.id, role: "卡口", person: "钱", startMinute: 0, lengthMinutes: 60)
      ).id > post.id)
  }
}
