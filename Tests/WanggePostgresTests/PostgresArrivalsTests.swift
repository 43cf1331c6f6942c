import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// Late arrivals and the demo mark on PostgreSQL equal the SQLite engine's on the same rows.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresArrivalsTests {
  @Test func lateArrivalsAndTheDemoMarkEqualTheSQLiteEngine() throws {
    let sqlite = try SQLiteFixture.tinyDemo()
    defer { SQLiteFixture.remove(sqlite) }
    let anchor = SQLiteFixture.anchor
    let now = anchor + .hours(2)  // when the acknowledgements are recorded
    let root = try sqlite.root()
    let task = try sqlite.newestTaskID()
    let pending = try sqlite.pendingUnits(task: task, limit: 60)
    #expect(pending.count >= 20)
    let events = pending.enumerated().map { i, unit in
      GridEvent(
        id: "t-ack-\(i)", at: i % 3 == 0 ? anchor - .hours(1) : now - .minutes(10),
        kind: .acknowledged(task: task, unit: .id(unit)))
    }
    let summary = try sqlite.ingest(events, recordedAt: now, source: "test")
    #expect(summary.applied == events.count)
    let scratch = try TestServer.scratch("arrivals")
    defer { scratch.drop() }
    try SQLiteFixture.load(sqlite, into: try scratch.connect())
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)

    let unit = try #require(try sqlite.place(id: pending[0]))
    let depthOne = try sqlite.children(of: root.id)
    let scopes = [root] + depthOne + (try sqlite.children(of: depthOne[0].id)) + [unit]
    for scope in scopes {
      for (window, lateBy) in [
        (Span.hours(1), Span.hours(1)), (.days(1), .minutes(30)), (.days(1), .hours(1)),
      ] {
        #expect(
          try pg.lateArrivals(under: scope, recordedIn: window, before: now, lateBy: lateBy)
            == sqlite.lateArrivals(under: scope, recordedIn: window, before: now, lateBy: lateBy))
      }
    }
    let all = try pg.lateArrivals(under: root, recordedIn: .days(1), before: now, lateBy: .hours(1))
    #expect(all[root.id] == LateArrivals(events: events.count, late: (events.count + 2) / 3))
    #expect(try pg.isDemo() == sqlite.isDemo())
    #expect(try pg.isDemo())
    #expect(try pg.meta("preset") == sqlite.meta("preset"))
    #expect(pg.location == TestServer.url!)
    #expect(pg.label.hasPrefix(scratch.name + "@"))
  }
}
