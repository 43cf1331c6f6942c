import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// The board's reads (`BoardSource`) on PostgreSQL equal the SQLite engine's on the same rows.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresBoardReadTests {
  @Test func boardReadsEqualTheSQLiteEngineOnTheSameRows() throws {
    let sqlite = try SQLiteFixture.tinyDemo()
    defer { SQLiteFixture.remove(sqlite) }
    let scratch = try TestServer.scratch("board")
    defer { scratch.drop() }
    try SQLiteFixture.load(sqlite, into: try scratch.connect())
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    let now = SQLiteFixture.anchor
    let window = Span.days(7)
    let levels = try sqlite.levels()
    let root = try sqlite.root()
    var all: [Place] = [root]
    var i = 0
    while i < all.count {
      all += try sqlite.children(of: all[i].id)
      i += 1
    }
    let stations = all.filter(\.hasStation)
    #expect(!stations.isEmpty)
    var stationRows = 0
    for s in stations.prefix(12) {
      let mine = try pg.stationUnits(under: s.id, at: now, window: window)
      #expect(mine == (try sqlite.stationUnits(under: s.id, at: now, window: window)), "station \(s.name)")
      stationRows += mine.count
      #expect(
        try pg.stationUnits(under: s.id, at: now - .days(20), window: .days(2))
          == sqlite.stationUnits(under: s.id, at: now - .days(20), window: .days(2)))
    }
    #expect(stationRows > 0)
    #expect(try stationRowsWithTasks(pg, stations, now, window) > 0, "some units have a current task")

    let filters = [
      HelpFilter(), HelpFilter(flags: .elderlyAlone), HelpFilter(mode: .homeVisit),
      HelpFilter(flags: [.elderlyAlone, .noSmartphone], mode: .phone),
    ]
    for scope in [root] + all.filter({ $0.depth <= 2 }).prefix(6) {
      for f in filters {
        #expect(
          try pg.helpCases(under: scope.id, filter: f, limit: 25)
            == sqlite.helpCases(under: scope.id, filter: f, limit: 25))
      }
      for limit in [5, 10_000] {
        #expect(
          try pg.leaders(under: scope.id, at: now, window: window, limit: limit)
            == sqlite.leaders(under: scope.id, at: now, window: window, limit: limit))
      }
      #expect(
        try pg.responseHistory(of: scope.id, at: now, window: window, hours: 24)
          == sqlite.responseHistory(of: scope.id, at: now, window: window, hours: 24))
    }
    #expect(try pg.helpCases(under: root.id, filter: HelpFilter(), limit: 25).total > 0)
    let units = all.filter { $0.depth == levels.names.count - 1 }
    for u in units.prefix(30) {
      #expect(try pg.households(ofUnit: u.id) == sqlite.households(ofUnit: u.id))
      #expect(
        try pg.responseHistory(of: u.id, at: now, window: window, hours: 6)
          == sqlite.responseHistory(of: u.id, at: now, window: window, hours: 6))
    }
  }

  private func stationRowsWithTasks(
    _ pg: PostgresStore, _ stations: [Place], _ now: Instant, _ window: Span
  ) throws -> Int {
    try stations.prefix(12).reduce(0) { n, s in
      n + (try pg.stationUnits(under: s.id, at: now, window: window)).filter { $0.currentTask != nil }.count
    }
  }
}
