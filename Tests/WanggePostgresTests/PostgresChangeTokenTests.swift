import Testing
@testable import WanggePostgres

/// The polling fallback of the change feed: the token moves on every commit, never on a read.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresChangeTokenTests {
  @Test func theTokenMovesOnCommitsAndNotOnReads() throws {
    let scratch = try TestServer.scratch("token")
    defer { scratch.drop() }
    let store = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    let writer = try scratch.connect()
    let t0 = try store.changeToken()
    try writer.exec("INSERT INTO meta VALUES ('a', '一')")
    let t1 = try store.changeToken()
    #expect(t1 != t0)
    // A writer that began before the token was read and commits after it: the token moves again.
    try writer.exec("BEGIN")
    try writer.exec("INSERT INTO meta VALUES ('b', '二')")
    let t2 = try store.changeToken()
    try writer.exec("COMMIT")
    let t3 = try store.changeToken()
    #expect(t3 != t2)
    // A rolled-back writer may move it (harmless); a pure reader never does.
    let reader = try scratch.connect()
    let t4 = try store.changeToken()
    _ = try reader.transaction(.repeatableRead, readOnly: true) { r in try r.exec("SELECT count(*) FROM meta")
    }
    #expect(try store.changeToken() == t4)
  }
}
