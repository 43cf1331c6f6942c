import Foundation
import Testing
import WanggeCore
@testable import WanggePostgres
import WanggeSQLite
import WanggeStore

/// Every row of every table, as text, collected from an engine's export (for comparing stores).
final class CollectingSink: TableSink {
  final class Rows: RowStream {
    var rows: [[String?]] = []
    var row: [String?] = []
    func putInt(_ value: Int64) { row.append(String(value)) }
    func putNull() { row.append(nil) }
    func putText(_ value: String) { row.append(value) }
    func putUTF8(_ bytes: [UInt8]) { row.append(String(decoding: bytes, as: UTF8.self)) }
    func endRow() throws {
      rows.append(row)
      row = []
    }
  }
  var tables: [String: (columns: [String], rows: Rows)] = [:]
  var order: [String] = []

  func rows(of table: String, columns: [String]) throws -> any RowStream {
    let r = Rows()
    tables[table] = (columns, r)
    order.append(table)
    return r
  }

  /// A table's rows sorted (engines need not hand them out in the same order).
  func sorted(_ table: String) -> [[String?]] {
    (tables[table]?.rows.rows ?? []).sorted { a, b in
      a.map { $0 ?? "\u{0}NULL" }.lexicographicallyPrecedes(b.map { $0 ?? "\u{0}NULL" })
    }
  }
}

/// The demo generated straight into PostgreSQL (COPY, no SQLite file) holds exactly the rows of
/// the SQLite demo of the same preset, seed and anchor, and answers the same reads.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresDemoTests {
  static var target: PGTarget { PGTarget(TestServer.url!)! }

  @Test func tinyDemoHasTheSQLiteDemosRowsInEveryTable() throws {
    let sqlite = try SQLiteFixture.tinyDemo(seed: 7)
    defer { SQLiteFixture.remove(sqlite) }
    let scratch = try TestServer.scratch("demo")
    defer { scratch.drop() }
    let summary = try PostgresDemo.generate(
      preset: .tiny, seed: 7, anchor: SQLiteFixture.anchor, into: Self.target, database: scratch.name,
      replace: false)
    #expect(summary.households == 1500)
    let pg = try PostgresStore(Self.target, database: scratch.name)

    let mine = CollectingSink()
    let theirs = CollectingSink()
    let pgRows = try pg.exportTables(into: mine)
    let sqliteRows = try sqlite.exportTables(into: theirs)
    #expect(pgRows == sqliteRows)
    #expect(mine.order == StoreTables.all)
    for table in StoreTables.all {
      #expect(mine.tables[table]?.columns == theirs.tables[table]?.columns, "\(table) columns")
      let a = mine.sorted(table)
      let b = theirs.sorted(table)
      #expect(a.count == b.count, "\(table): \(a.count) rows in PostgreSQL, \(b.count) in SQLite")
      if a != b, let i = a.indices.first(where: { $0 >= b.count || a[$0] != b[$0] }) {
        Issue.record("\(table) row \(i): \(a[i]) ≠ \(i < b.count ? b[i] : [])")
      }
    }
    for table in [
      "place", "household", "help_case", "help_due", "help_due_hour", "assignment", "task_sequence",
    ] {
      #expect(!(mine.tables[table]?.rows.rows.isEmpty ?? true), "\(table) has rows")
    }
    // Counted by the server itself, not through the export.
    let db = try scratch.connect()
    #expect(try db.exec("SELECT count(*) FROM household")[0].get(0, as: Int.self) == summary.households)
    #expect(try db.exec("SELECT count(*) FROM place")[0].get(0, as: Int.self) == summary.places)
    #expect(try db.exec("SELECT count(*) FROM assignment")[0].get(0, as: Int.self) == summary.assignments)
    #expect(try PostgresMigrator.state(of: db) == .current)
    #expect(
      try db.exec("SELECT count(*) FROM pg_indexes WHERE indexname = 'household_by_unit'")[0].get(
        0, as: Int.self) == 1)

    // The reads agree.
    let root = try pg.root()
    #expect(root == (try sqlite.root()))
    #expect(try pg.levels() == sqlite.levels())
    let report = try pg.placeReport(root, at: SQLiteFixture.anchor, window: .days(7))
    let expected = try sqlite.placeReport(root, at: SQLiteFixture.anchor, window: .days(7))
    #expect(report.scope.figures == expected.scope.figures)
    #expect(report.children.map(\.figures) == expected.children.map(\.figures))
    #expect(try pg.isDemo())
  }

  @Test func anExistingStoreIsRefusedWithoutReplaceAndReplacedWholeWithIt() throws {
    let scratch = try TestServer.scratch("demoreplace")
    defer { scratch.drop() }
    _ = try PostgresDemo.generate(
      preset: .tiny, seed: 1, anchor: SQLiteFixture.anchor, into: Self.target, database: scratch.name,
      replace: false)
    let db = try scratch.connect()
    let before = try db.exec("SELECT string_agg(name, ',' ORDER BY id) FROM place")[0].get(0, as: String.self)
    #expect {
      _ = try PostgresDemo.generate(
        preset: .tiny, seed: 2, anchor: SQLiteFixture.anchor, into: Self.target, database: scratch.name,
        replace: false)
    } throws: { error in
      guard case StoreError.exists(let name) = error else { return false }
      return name.contains(scratch.name) && "\(error)".contains("--force")
    }
    #expect(
      try db.exec("SELECT string_agg(name, ',' ORDER BY id) FROM place")[0].get(0, as: String.self) == before)

    _ = try PostgresDemo.generate(
      preset: .tiny, seed: 2, anchor: SQLiteFixture.anchor, into: Self.target, database: scratch.name,
      replace: true)
    let after = try db.exec("SELECT string_agg(name, ',' ORDER BY id) FROM place")[0].get(0, as: String.self)
    #expect(after != before, "another seed, another grid")
    #expect(try db.exec("SELECT count(*) FROM household")[0].get(0, as: Int.self) == 1500)
    #expect(try PostgresMigrator.state(of: db) == .current)
  }

  @Test func aDatabaseWithOtherTablesIsNeverReplaced() throws {
    let scratch = try TestServer.scratch("demoforeign")
    defer { scratch.drop() }
    let db = try scratch.connect()
    try db.exec("CREATE TABLE place(x int)")
    #expect(throws: StoreError.self) {
      _ = try PostgresDemo.generate(
        preset: .tiny, seed: 1, anchor: SQLiteFixture.anchor, into: Self.target, database: scratch.name,
        replace: true)
    }
    #expect(
      try db.exec("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")[0].get(
        0, as: Int.self) == 1)
  }
}
