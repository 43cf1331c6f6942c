import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// A write on a connection that dropped before COMMIT is run again on a new connection (nothing of
/// it can have been committed); a server that refuses writes is named with host:port and the fix.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresWriteFailureTests {
  /// Ends every other session of the scratch database (the store's connection).
  static func dropSessions(_ scratch: ScratchDatabase) throws {
    let admin = try TestServer.admin()
    try admin.exec(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [scratch.name])
  }

  @Test func aDroppedConnectionBeforeCommitIsRetriedOnceAndAppliesOnce() throws {
    let p = try PostgresIngestTests.pair("dropped")
    defer { p.cleanup() }
    let now = SQLiteFixture.anchor
    try Self.dropSessions(p.scratch)
    let event = PostgresIngestTests.ack("x-1", p.task, .id(p.pending[0]), now - .minutes(3))
    let s = try p.pg.ingest([event], recordedAt: now)
    #expect(s == IngestSummary(applied: 1))
    #expect(try p.pg.ingest([event], recordedAt: now) == IngestSummary(duplicates: 1))
    #expect(try p.pg.verify() == [])
  }

  @Test func aReadOnlyServerIsNamedWithTheFix() throws {
    let p = try PostgresIngestTests.pair("readonly")
    defer { p.cleanup() }
    let now = SQLiteFixture.anchor
    let admin = try TestServer.admin()
    try admin.exec(
      "ALTER DATABASE \(try admin.quoteIdentifier(p.scratch.name)) SET default_transaction_read_only = on")
    try Self.dropSessions(p.scratch)  // the reconnect picks the setting up
    let before = try p.pg.placeReport(try p.pg.root(), at: now, window: .days(7)).scope.figures
    let event = PostgresIngestTests.ack("x-2", p.task, .id(p.pending[0]), now - .minutes(3))
    let e = try #require(throws: StoreError.self) { try p.pg.ingest([event], recordedAt: now) }
    guard case .writeFailed(let path, let reason) = e else {
      Issue.record("not a write failure: \(e)")
      return
    }
    #expect(path == p.pg.location)
    #expect(reason.contains("read-only") && reason.contains("primary"), "\(reason)")
    #expect(reason.contains(":"), "names host:port: \(reason)")
    #expect(try p.pg.placeReport(try p.pg.root(), at: now, window: .days(7)).scope.figures == before)
  }
}
