import Foundation
import Testing
import WanggePostgres

/// Transactions retry serialization failures and deadlocks, and roll back everything else.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PGTransactionTests {
  @Test func aForcedSerializationFailureIsRetriedAndCommitsOnce() throws {
    let scratch = try TestServer.scratch("serial")
    defer { scratch.drop() }
    let a = try scratch.connect()
    let b = try scratch.connect()
    try a.exec("CREATE TABLE counter(id INT PRIMARY KEY, n BIGINT NOT NULL)")
    try a.exec("INSERT INTO counter VALUES (1, 0)")
    var runs = 0
    let seen = try a.transaction(.serializable) { tx -> Int64 in
      runs += 1
      let n = try tx.exec("SELECT n FROM counter WHERE id = 1")[0].get(0, as: Int64.self)
      if runs == 1 {
        // Another writer commits a change to the row this transaction read: its update must fail.
        try b.exec("UPDATE counter SET n = n + 100 WHERE id = 1")
      }
      try tx.exec("UPDATE counter SET n = $1 WHERE id = 1", [n + 1])
      return n
    }
    #expect(runs == 2)
    #expect(a.lastTransactionAttempts == 2)
    #expect(seen == 100)
    #expect(try a.exec("SELECT n FROM counter")[0].get(0, as: Int64.self) == 101)
  }

  @Test func aDeadlockIsRetried() throws {
    let scratch = try TestServer.scratch("deadlock")
    defer { scratch.drop() }
    let db = try scratch.connect()
    try db.exec("CREATE TABLE t(n INT)")
    var runs = 0
    try db.transaction { tx in
      runs += 1
      try tx.exec("INSERT INTO t VALUES ($1)", [runs])
      if runs < 3 {
        try tx.exec("DO $$ BEGIN RAISE EXCEPTION 'forced' USING ERRCODE = 'deadlock_detected'; END $$")
      }
    }
    #expect(runs == 3)
    #expect(try db.exec("SELECT array_agg(n)::text FROM t")[0].get(0, as: String.self) == "{3}")
  }

  @Test func otherErrorsRollBackAndAreThrownAtOnce() throws {
    let scratch = try TestServer.scratch("rollback")
    defer { scratch.drop() }
    let db = try scratch.connect()
    try db.exec("CREATE TABLE t(n INT PRIMARY KEY)")
    var runs = 0
    let e = try #require(throws: PGError.self) {
      try db.transaction { tx in
        runs += 1
        try tx.exec("INSERT INTO t VALUES (1)")
        try tx.exec("INSERT INTO t VALUES (1)")
      }
    }
    #expect(e.sqlState == "23505")
    #expect(runs == 1)
    #expect(!db.inTransaction)
    #expect(try db.exec("SELECT count(*) FROM t")[0].get(0, as: Int.self) == 0)
  }

  @Test func aSwallowedErrorIsNotReportedAsACommit() throws {
    let db = try TestServer.admin()
    let e = try #require(throws: PGError.self) {
      try db.transaction { tx in _ = try? tx.exec("SELECT 1/0") }
    }
    #expect(e.kind == .misuse)
    #expect(!db.inTransaction)
  }

  @Test func retriesGiveUpAfterMaxAttempts() throws {
    let db = try TestServer.admin()
    var runs = 0
    let e = try #require(throws: PGError.self) {
      try db.transaction(maxAttempts: 3) { tx in
        runs += 1
        try tx.exec("DO $$ BEGIN RAISE EXCEPTION 'forced' USING ERRCODE = 'serialization_failure'; END $$")
      }
    }
    #expect(e.isRetryable)
    #expect(runs == 3)
  }
}
