import Foundation
import Testing
import WanggePostgres

/// The change-feed listener reports changes, a dropped connection, and its return.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PGListenerTests {
  @Test func reportsChangesLossAndReconnection() throws {
    let scratch = try TestServer.scratch("listener")
    defer { scratch.drop() }
    let writer = try scratch.connect()
    try PostgresMigrator.migrate(writer)
    let target = try #require(PGTarget(TestServer.url!))
    let listener = try PGListener(target, database: scratch.name)
    #expect(listener.next(waitingUpTo: .milliseconds(20)) == .quiet)
    try writer.transaction { w in try w.exec("INSERT INTO meta VALUES ('k', '值')") }
    #expect(listener.next(waitingUpTo: .seconds(1)) == .changed(["meta"]))

    // The server drops the listener's connection and refuses new ones for a while (as a restart would).
    let admin = try TestServer.admin()
    try admin.exec("ALTER DATABASE \(try admin.quoteIdentifier(scratch.name)) ALLOW_CONNECTIONS false")
    try writer.exec(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [scratch.name])
    let clock = ContinuousClock()
    let start = clock.now
    guard case .lost(let why) = listener.next(waitingUpTo: .seconds(1)) else {
      Issue.record("expected .lost")
      return
    }
    #expect(clock.now - start < .seconds(2))
    #expect(why.contains(listener.endpoint))
    #expect(listener.isDown)
    for _ in 0..<3 {
      guard case .lost = listener.next(waitingUpTo: .milliseconds(300)) else {
        Issue.record("a refused reconnection must stay .lost")
        return
      }
    }
    let back = try PGConnection(url: TestServer.url!)
    try back.exec("ALTER DATABASE \(try back.quoteIdentifier(scratch.name)) ALLOW_CONNECTIONS true")
    let writer2 = try scratch.connect()
    var event = listener.next(waitingUpTo: .milliseconds(300))
    for _ in 0..<40 where event != .reconnected { event = listener.next(waitingUpTo: .milliseconds(300)) }
    #expect(event == .reconnected)
    #expect(!listener.isDown)
    try writer2.exec("UPDATE task_sequence SET last = last + 1")
    #expect(listener.next(waitingUpTo: .seconds(1)) == .changed(["task_sequence"]))
  }
}
