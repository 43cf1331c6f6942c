import Foundation
import Testing
@testable import WanggePostgres
import WanggeStore

/// The store's live feed for the board: another client's commit is announced within 250 ms, and
/// nothing is announced without one.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresChangeFeedTests {
  @Test func anotherClientsCommitIsAnnouncedWithin250ms() throws {
    let scratch = try TestServer.scratch("feed")
    defer { scratch.drop() }
    let store = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    let feed = try #require(try store.changeFeed())
    #expect(feed.poll() == .quiet)
    #expect(feed.endpoint == store.endpoint)
    let writer = try scratch.connect()
    let clock = ContinuousClock()
    var worst = Duration.zero
    for i in 0..<20 {
      try writer.transaction { w in try w.exec("INSERT INTO meta VALUES ($1, '值')", ["feed-\(i)"]) }
      let committed = clock.now
      var event = feed.poll()
      while event == .quiet, clock.now - committed < .seconds(1) {
        Thread.sleep(forTimeInterval: 0.002)
        event = feed.poll()
      }
      #expect(event == .changed, "commit \(i)")
      worst = max(worst, clock.now - committed)
      #expect(feed.poll() == .quiet, "one commit, one announcement")
    }
    #expect(worst < .milliseconds(250), "slowest announcement \(worst)")
  }
}
