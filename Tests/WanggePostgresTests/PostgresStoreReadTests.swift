import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// The read side of the store on PostgreSQL answers exactly what the SQLite engine answers for the
/// same rows: levels, places, paths, children, level counts and every place's figures.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresStoreReadTests {
  @Test func answersEqualTheSQLiteEngineOnTheSameRows() throws {
    let sqlite = try SQLiteFixture.tinyDemo()
    defer { SQLiteFixture.remove(sqlite) }
    let scratch = try TestServer.scratch("read")
    defer { scratch.drop() }
    let rows = try SQLiteFixture.load(sqlite, into: try scratch.connect())
    #expect(rows > 1500)
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)

    #expect(try pg.levels() == sqlite.levels())
    let root = try pg.root()
    #expect(root == (try sqlite.root()))
    var all: [Place] = [root]
    var i = 0
    while i < all.count {
      let kids = try pg.children(of: all[i].id)
      #expect(kids == (try sqlite.children(of: all[i].id)))
      all += kids
      i += 1
    }
    #expect(all.count > 100)
    for p in all.prefix(60) + all.suffix(60) {
      #expect(try pg.place(id: p.id) == p)
      let path = try pg.path(of: p.id)
      #expect(path == (try sqlite.path(of: p.id)))
      #expect(try pg.resolve(path) == p)
      #expect(try pg.levelCounts(under: p.id) == sqlite.levelCounts(under: p.id))
    }
    #expect(try pg.place(id: -5) == nil)

    let ids = all.map(\.id)
    var compared = 0
    for (now, window) in [
      (SQLiteFixture.anchor, Span.days(7)), (SQLiteFixture.anchor - .hours(30), Span.days(2)),
      (SQLiteFixture.anchor + .days(3), Span.days(30)),
    ] {
      #expect(
        try pg.taskCount(issuedIn: window, before: now) == sqlite.taskCount(issuedIn: window, before: now))
      let skip: Set<Int64> = [root.id, all[1].id]
      let mine = try pg.figures(for: ids, at: now, window: window, skippingHelpOverdue: skip)
      let theirs = try sqlite.figures(for: ids, at: now, window: window, skippingHelpOverdue: skip)
      #expect(mine.count == theirs.count)
      for id in ids where mine[id] != theirs[id] {
        Issue.record(
          "place \(id) at \(now): \(String(describing: mine[id])) ≠ \(String(describing: theirs[id]))")
      }
      compared += ids.count
    }
    for scope in [root] + all.filter({ $0.depth <= 2 }).prefix(5) + [all.last!] {
      let mine = try pg.placeReport(scope, at: SQLiteFixture.anchor, window: .days(7))
      let theirs = try sqlite.placeReport(scope, at: SQLiteFixture.anchor, window: .days(7))
      #expect(mine.scope.figures == theirs.scope.figures)
      #expect(mine.scope.path == theirs.scope.path)
      #expect(mine.levelName == theirs.levelName)
      #expect(mine.children.map(\.place) == theirs.children.map(\.place))
      #expect(mine.children.map(\.figures) == theirs.children.map(\.figures))
      #expect(mine.children.map(\.path) == theirs.children.map(\.path))
      #expect(mine.levelCounts.map(\.name) == theirs.levelCounts.map(\.name))
      #expect(mine.levelCounts.map(\.count) == theirs.levelCounts.map(\.count))
      #expect(mine.tasksInWindow == theirs.tasksInWindow)
      let f = try pg.scopeFigures(scope, at: SQLiteFixture.anchor, window: .days(7))
      #expect(f.scope == mine.scope.figures)
    }
    let some = try sqlite.figures(for: ids, at: SQLiteFixture.anchor, window: .days(7))
    #expect(some.values.contains { $0.assigned > 0 }, "the demo has tasks in the window")
    #expect(some.values.contains { $0.helpOverdue > 0 }, "the demo has overdue visits")
    #expect(compared == ids.count * 3)
  }

  @Test func anUnknownPathNamesTheClosestPlace() throws {
    let sqlite = try SQLiteFixture.tinyDemo()
    defer { SQLiteFixture.remove(sqlite) }
    let scratch = try TestServer.scratch("resolve")
    defer { scratch.drop() }
    try SQLiteFixture.load(sqlite, into: try scratch.connect())
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    let path = PlacePath(segments: ["长安街道", "没有这个社区"])
    let mine = try #require(throws: StoreError.self) { try pg.resolve(path) }
    let theirs = try #require(throws: StoreError.self) { try sqlite.resolve(path) }
    #expect(mine == theirs)
  }

  @Test func anEmptyDatabaseSaysRunDemo() throws {
    let scratch = try TestServer.scratch("emptyread")
    defer { scratch.drop() }
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    let e = try #require(throws: StoreError.self) { try pg.root() }
    #expect(e.description.contains("wangge demo"))
  }

  @Test func aReadOnlyOpenWritesNothing() throws {
    let scratch = try TestServer.scratch("ro")
    defer { scratch.drop() }
    _ = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name, readOnly: true)
    let db = try scratch.connect()
    #expect(try db.exec("SELECT to_regclass('wangge_migrations') IS NULL")[0].get(0, as: Bool.self))
  }
}
