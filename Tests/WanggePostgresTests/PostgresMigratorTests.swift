import Foundation
import Synchronization
import Testing
import WanggePostgres
import WanggeStore

/// The schema's migrations: applied once on first open, idempotent, a newer schema refused untouched.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresMigratorTests {
  /// Every table and its row count, to prove that nothing changed.
  static func fingerprint(_ db: PGConnection) throws -> String {
    let tables = try db.exec(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    ).map { try $0.get(0, as: String.self) }
    return try tables.map { t in
      let q = try db.quoteIdentifier(t)
      return "\(t)=\(try db.exec("SELECT count(*) FROM \(q)")[0].get(0, as: Int.self))"
    }.joined(separator: ",")
  }

  @Test func migrationsApplyOnceAndAreIdempotent() throws {
    let scratch = try TestServer.scratch("migrate")
    defer { scratch.drop() }
    let db = try scratch.connect()
    #expect(try PostgresMigrator.state(of: db) == .empty)
    let first = try PostgresMigrator.migrate(db)
    #expect(first == PostgresSchema.migrations.map(\.identifier))
    #expect(try PostgresMigrator.state(of: db) == .current)
    let before = try Self.fingerprint(db)
    #expect(try PostgresMigrator.migrate(db).isEmpty)
    #expect(try Self.fingerprint(db) == before)
    let tables = Set(
      try db.exec("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").map {
        try $0.get(0, as: String.self)
      })
    for t in [
      "place", "unit", "household", "help_case", "place_stats", "task", "assignment", "task_tally", "event",
      "audit", "reminder", "help_due_hour", "level_count", "meta", "task_sequence", "wangge_migrations",
      "census_check", "census_unit", "census_day",
    ] {
      #expect(tables.contains(t), "missing table \(t)")
    }
    #expect(try db.exec("SELECT last FROM task_sequence")[0].get(0, as: Int64.self) == 0)
  }

  @Test func aTablesOnlyOpenIsCompletedLater() throws {
    let scratch = try TestServer.scratch("partial")
    defer { scratch.drop() }
    let db = try scratch.connect()
    #expect(try PostgresMigrator.migrate(db, upTo: PostgresSchema.tablesVersion) == ["v1-grid"])
    let rest = [
      "v2-indexes", "v3-change-feed", "v4-change-counter", "v5-operators", "v6-personal-data",
      "v7-station-undo", "v8-screening", "v9-meetings", "v10-census", "v11-orders", "v12-reports",
      "v13-screening-groups", "v14-visits", "v16-duty", "v17-ledger2", "v18-decisions",
      "v19-open-assignments",
    ]
    #expect(try PostgresMigrator.state(of: db) == .older(missing: rest))
    #expect(try PostgresMigrator.migrate(db) == rest)
  }

  @Test func concurrentFirstOpensMigrateOnce() throws {
    let scratch = try TestServer.scratch("race")
    defer { scratch.drop() }
    let results = Mutex<[Result<[String], any Error>]>([])
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      let r = Result { try PostgresMigrator.migrate(try scratch.connect()) }
      results.withLock { $0.append(r) }
    }
    let applied = try results.withLock { try $0.map { try $0.get() } }
    #expect(applied.filter { !$0.isEmpty } == [PostgresSchema.migrations.map(\.identifier)])
    let db = try scratch.connect()
    #expect(
      try db.exec("SELECT count(*) FROM wangge_migrations")[0].get(0, as: Int.self)
        == PostgresSchema.migrations.count)
  }

  @Test func aNewerSchemaIsRefusedAndLeftUnchanged() throws {
    let scratch = try TestServer.scratch("newer")
    defer { scratch.drop() }
    let db = try scratch.connect()
    try PostgresMigrator.migrate(db)
    try db.exec("INSERT INTO wangge_migrations(version, identifier) VALUES (99, 'v99-from-the-future')")
    let before = try Self.fingerprint(db)
    let e = try #require(throws: StoreError.self) { try PostgresMigrator.migrate(db) }
    guard case .newerSchema = e else {
      Issue.record("expected newerSchema, got \(e)")
      return
    }
    #expect(e.description.contains("v99-from-the-future"))
    #expect(e.description.contains("schema version \(PostgresSchema.schemaVersion)"))
    #expect(e.description.contains(db.endpoint))
    #expect(throws: StoreError.self) { try PostgresMigrator.state(of: db) }
    #expect(try Self.fingerprint(db) == before)
    #expect(!db.inTransaction)
  }

  @Test func aDatabaseWithOtherTablesIsNotTakenOver() throws {
    let scratch = try TestServer.scratch("foreign")
    defer { scratch.drop() }
    let db = try scratch.connect()
    try db.exec("CREATE TABLE place(id INT, what TEXT)")
    let e = try #require(throws: StoreError.self) { try PostgresMigrator.migrate(db) }
    #expect(e.description.contains("not a Wangge store"))
    #expect(try Self.fingerprint(db) == "place=0")
  }
}
