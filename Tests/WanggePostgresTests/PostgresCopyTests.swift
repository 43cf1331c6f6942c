import Foundation
import Testing
import WanggeCore
@testable import WanggePostgres
@testable import WanggeSQLite
import GRDB
import WanggeStore

extension ScratchDatabase {
  /// The test server's URL naming this database (what `--db` would take).
  var url: String {
    let base = TestServer.url!
    let scheme = base.range(of: "://")!.upperBound
    let query = base.firstIndex(of: "?") ?? base.endIndex
    let slash = base[scheme..<query].firstIndex(of: "/") ?? query
    return String(base[..<slash]) + "/" + name + String(base[query...])
  }
}

/// A source that streams another's rows and fails after `after` rows (a copy that breaks midway).
final class FailingArchive: StoreArchive {
  struct Broken: Error {}
  let source: any StoreArchive
  let after: Int
  init(_ source: any StoreArchive, after: Int) {
    self.source = source
    self.after = after
  }
  func exportTables(into sink: any TableSink) throws -> Int {
    try source.exportTables(into: Sink(sink, after: after))
  }
  final class Sink: TableSink {
    let inner: any TableSink
    var left: Int
    init(_ inner: any TableSink, after: Int) {
      self.inner = inner
      left = after
    }
    func rows(of table: String, columns: [String]) throws -> any RowStream {
      Stream(try inner.rows(of: table, columns: columns), owner: self)
    }
  }
  final class Stream: RowStream {
    let inner: any RowStream
    let owner: Sink
    init(_ inner: any RowStream, owner: Sink) {
      self.inner = inner
      self.owner = owner
    }
    func putInt(_ value: Int64) { inner.putInt(value) }
    func putNull() { inner.putNull() }
    func putText(_ value: String) { inner.putText(value) }
    func putUTF8(_ bytes: [UInt8]) { inner.putUTF8(bytes) }
    func endRow() throws {
      owner.left -= 1
      if owner.left < 0 { throw Broken() }
      try inner.endRow()
    }
  }
}

/// `wangge copy` at the engine level: SQLite → PostgreSQL → SQLite keeps every row, refuses an
/// existing target, and a copy that fails leaves no half store.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresCopyTests {
  static func tempPath(_ name: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wangge-copy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  @Test func sqliteToPostgresToSQLiteKeepsEveryRowAndVerifies() throws {
    let original = try SQLiteFixture.tinyDemo(seed: 3)
    defer { SQLiteFixture.remove(original) }
    // Writes beyond the demo (events, reminders, audit), so those tables travel too.
    let root = try original.root()
    let now = SQLiteFixture.anchor
    let task = try #require(try original.tasks(in: root.id, at: now, window: .days(7)).first)
    let units = try original.assignments(of: task.task.id, under: root.id, at: now, limit: 30).map(\.unitID)
    let events = units.enumerated().map { i, unit in
      GridEvent(
        id: "copy-\(i)\t\\", at: now - .minutes(5), kind: .acknowledged(task: task.task.id, unit: .id(unit)))
    }
    _ = try original.ingest(events, recordedAt: now, source: "测试\nsource")
    let receipt = try original.dispatch(
      DispatchRequest(
        scopeID: root.id, type: .notice, title: "复制\t测试 \\ 通知", operatorName: "测试", issuedAt: now))
    _ = try original.remind(task: receipt.taskID, under: root.id, operator: "测试", at: now + .hours(30))
    // Screening: a finish with a returnee and a person to isolate, a check, an expected arrival.
    let screening = try #require(
      try original.tasks(in: root.id, at: now, window: .days(7)).first { $0.task.type == .screening })
    let sUnits = try original.assignments(of: screening.task.id, under: root.id, at: now, limit: 200).map(
      \.unitID)
    let sUnit = try #require(sUnits.first { (try? original.households(ofUnit: $0).isEmpty) == false })
    let hh = try original.households(ofUnit: sUnit)[0].household.id
    let day = LocalDay(number: LocalDay(now).number - 1).iso
    let lines = [
      #"{"id":"s1","type":"done","at":"\#(InstantFormat.iso(now - .hours(2)))","task":\#(screening.task.id),"unit":\#(sUnit),"result":{"checked":9,"returnees":[{"household":\#(hh),"name":"张伟","from":"山东临沂","arrived":"\#(day)"}],"isolate":[{"household":\#(hh),"name":"张伟","risk":"high"}],"problems":["1户联系不上"]}}"#,
      #"{"id":"s2","type":"arrival_expect","at":"\#(InstantFormat.iso(now - .hours(1)))","household":\#(hh),"name":"李娜","from":"珲春","day":"\#(LocalDay(now).iso)","risk":"medium"}"#,
    ]
    let screeningEvents = try lines.map { line -> GridEvent in
      switch EventLineParser.parse(Substring(line)) {
      case .success(let e): return e
      case .failure(let p): throw StoreError.notAStore(path: p.field, reason: p.problem)
      }
    }
    _ = try original.ingest(screeningEvents, recordedAt: now, source: "测试")
    let opened = try #require(try original.isolationCases(under: sUnit, limit: 5).first)
    let check =
      #"{"id":"s3","type":"isolation_check","at":"\#(InstantFormat.iso(now - .minutes(30)))","case":\#(opened.id),"temperature":36.6}"#
    if case .success(let e) = EventLineParser.parse(Substring(check)) {
      _ = try original.ingest([e], recordedAt: now, source: "测试")
    }
    for table in ["event", "audit", "reminder"] + StoreTables.screening.filter({ $0 != "isolation_day" }) {
      let n = try original.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
      #expect(n > 0, "\(table) has rows to copy")
    }
    let scratch = try TestServer.scratch("copy")
    defer { scratch.drop() }
    let pgEngine = PostgresEngine()
    #expect(!pgEngine.exists(scratch.url))
    let up = try pgEngine.load(from: original, at: scratch.url, replace: false)
    #expect(up > 1500)
    #expect(pgEngine.exists(scratch.url))
    let pg = try PostgresStore(PGTarget(scratch.url)!)
    #expect(try PostgresMigrator.state(of: scratch.connect()) == .current)

    let back = try Self.tempPath("back.sqlite")
    defer { try? FileManager.default.removeItem(atPath: (back as NSString).deletingLastPathComponent) }
    let down = try SQLiteEngine().load(from: pg, at: back, replace: false)
    #expect(down == up)
    let roundTrip = try SQLiteStore(path: back)
    #expect(try roundTrip.verify().isEmpty)

    let a = CollectingSink()
    let b = CollectingSink()
    let c = CollectingSink()
    try original.exportTables(into: a)
    try pg.exportTables(into: b)
    try roundTrip.exportTables(into: c)
    for table in StoreTables.all {
      #expect(a.sorted(table) == b.sorted(table), "\(table): SQLite → PostgreSQL")
      #expect(a.sorted(table) == c.sorted(table), "\(table): → SQLite again")
    }
    let report = try roundTrip.placeReport(root, at: SQLiteFixture.anchor, window: .days(7))
    let expected = try original.placeReport(root, at: SQLiteFixture.anchor, window: .days(7))
    #expect(report.scope.figures == expected.scope.figures)
    #expect(
      try pg.placeReport(root, at: SQLiteFixture.anchor, window: .days(7)).scope.figures
        == expected.scope.figures)

    // An existing target is refused, and left as it was.
    #expect {
      _ = try pgEngine.load(from: original, at: scratch.url, replace: false)
    } throws: { e in
      guard case StoreError.exists(let name) = e else { return false }
      return name.contains(scratch.name)
    }
    #expect(throws: StoreError.exists(path: back)) {
      _ = try SQLiteEngine().load(from: pg, at: back, replace: false)
    }
    // With replace, PostgreSQL → PostgreSQL into the same server's other database works too.
    #expect(try pgEngine.load(from: roundTrip, at: scratch.url, replace: true) == up)
  }

  @Test func aCopyThatFailsMidwayLeavesNoHalfStore() throws {
    let original = try SQLiteFixture.tinyDemo(seed: 4)
    defer { SQLiteFixture.remove(original) }
    let scratch = try TestServer.scratch("copyfail")
    defer { scratch.drop() }
    #expect(throws: FailingArchive.Broken.self) {
      _ = try PostgresEngine().load(
        from: FailingArchive(original, after: 2000), at: scratch.url, replace: false)
    }
    let db = try scratch.connect()
    #expect(try PostgresMigrator.state(of: db) == .empty)
    #expect(
      try db.exec("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")[0].get(
        0, as: Int.self) == 0)

    // A store already there survives a failed replace whole.
    _ = try PostgresEngine().load(from: original, at: scratch.url, replace: false)
    let before = try db.exec("SELECT count(*) FROM household")[0].get(0, as: Int.self)
    #expect(throws: FailingArchive.Broken.self) {
      _ = try PostgresEngine().load(
        from: FailingArchive(original, after: 2000), at: scratch.url, replace: true)
    }
    #expect(try db.exec("SELECT count(*) FROM household")[0].get(0, as: Int.self) == before)

    let path = try Self.tempPath("half.sqlite")
    defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
    #expect(throws: FailingArchive.Broken.self) {
      _ = try SQLiteEngine().load(from: FailingArchive(original, after: 2000), at: path, replace: false)
    }
    #expect(!FileManager.default.fileExists(atPath: path))
    let leftovers = try FileManager.default.contentsOfDirectory(
      atPath: (path as NSString).deletingLastPathComponent)
    #expect(leftovers.isEmpty, "no partial files: \(leftovers)")
  }
}
