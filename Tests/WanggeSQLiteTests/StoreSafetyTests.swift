import Foundation
import GRDB
import Testing
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// Opening never writes for reading; foreign and newer files are refused untouched; events keep inside
/// their time window and their ids; task ids are never reused; `demo --force` replaces atomically.
@Suite(.serialized) struct StoreSafetyTests {
  let anchor = TestStores.anchor

  /// The file's bytes (the test's checksum: equal bytes, nothing written).
  func bytes(_ path: String) -> Data { FileManager.default.contents(atPath: path) ?? Data() }

  func closedDemo() throws -> String {
    let path = TestStores.tempPath("tiny.sqlite")
    _ = try DemoGenerator(preset: .tiny, seed: 7, anchor: anchor).generate(to: path, replace: false)
    return path
  }

  func refusal(_ path: String, _ mode: SQLiteStore.OpenMode) -> StoreError? {
    do {
      _ = try SQLiteStore(path: path, mode: mode)
      return nil
    } catch let e as StoreError {
      return e
    } catch {
      Issue.record("unexpected \(error)")
      return nil
    }
  }

  @Test func readingAStoreWritesNothing() throws {
    let path = try closedDemo()
    let before = bytes(path)
    do {
      let s = try SQLiteStore(path: path, mode: .read)
      _ = try s.placeReport(try s.root(), at: anchor, window: .days(7))
      #expect(throws: (any Error).self) {
        try s.writer.write { db in try db.execute(sql: "DELETE FROM meta") }
      }
    }
    #expect(bytes(path) == before)
  }

  @Test func filesThatAreNotStoresAreRefusedByNameAndLeftUnchanged() throws {
    let dir = (TestStores.tempPath("x") as NSString).deletingLastPathComponent
    let empty = dir + "/empty.sqlite"
    let text = dir + "/notes.txt"
    let foreign = dir + "/other-app.db"
    let link = dir + "/link.sqlite"
    FileManager.default.createFile(atPath: empty, contents: Data())
    FileManager.default.createFile(atPath: text, contents: Data("hello, not a database\n".utf8))
    let q = try DatabaseQueue(path: foreign)
    try q.write { db in
      try db.execute(sql: "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x')")
    }
    try q.close()
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: foreign)
    let cases = [
      (empty, "empty file"), (text, "not an SQLite database"), (foreign, "not a Wangge store"),
      (link, "not a Wangge store"),
    ]
    for (path, words) in cases {
      let before = bytes(path)
      for mode in [SQLiteStore.OpenMode.read, .write] {
        let e = refusal(path, mode)
        #expect(e?.description.contains(words) == true, "\(path) \(mode): \(String(describing: e))")
        #expect(e?.description.hasPrefix(path) == true)
      }
      #expect(bytes(path) == before, "\(path) unchanged")
    }
    #expect(!FileManager.default.fileExists(atPath: foreign + "-wal"), "no WAL switch")
  }

  @Test func aStoreOfANewerSchemaIsRefusedForReadingAndWriting() throws {
    for tamper in ["PRAGMA user_version = 999", "INSERT INTO grdb_migrations VALUES ('v99-future')"] {
      let path = try closedDemo()
      let q = try DatabaseQueue(path: path)
      try q.writeWithoutTransaction { db in try db.execute(sql: tamper) }
      try q.close()
      let before = bytes(path)
      for mode in [SQLiteStore.OpenMode.read, .write] {
        guard case .newerSchema(_, let reason) = refusal(path, mode) else {
          Issue.record("\(tamper) \(mode) was not refused as newer")
          continue
        }
        #expect(reason.contains("newer wangge"))
      }
      #expect(bytes(path) == before)
    }
  }

  @Test func anOlderStoreIsRefusedForReadingAndMigratedByAWriter() throws {
    let path = try closedDemo()
    let q = try DatabaseQueue(path: path)
    try q.writeWithoutTransaction { db in
      try db.execute(
        sql: """
          DELETE FROM grdb_migrations WHERE identifier = 'v4-event-integrity';
          DROP INDEX event_by_recorded; ALTER TABLE event DROP COLUMN source;
          ALTER TABLE event DROP COLUMN digest; ALTER TABLE event DROP COLUMN place_id;
          DROP TABLE task_sequence; PRAGMA user_version = 0;
          """)
    }
    try q.close()
    let before = bytes(path)
    #expect(refusal(path, .read)?.description.contains("wangge migrate") == true)
    #expect(bytes(path) == before)
    let s = try SQLiteStore(path: path, mode: .write)
    #expect(try s.pool.read { db in try Int64.fetchOne(db, sql: "SELECT last FROM task_sequence") } == 6)
    #expect(try s.verify().isEmpty)
  }

  @Test func aReadOnlyFileIsReadable() throws {
    let path = try closedDemo()
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    let before = bytes(path)
    do {
      let s = try SQLiteStore(path: path, mode: .read)
      #expect(try s.root().parentID == nil)
    }
    #expect(bytes(path) == before)
    #expect(StoreProbe.immutableURI("/tmp/a b?.sqlite") == "file:/tmp/a%20b%3F.sqlite?immutable=1")
  }

  // MARK: events

  func pendingAssignment(_ s: SQLiteStore) throws -> (task: Int64, unit: Int64, issued: Instant) {
    try s.pool.read { db in
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT a.task_id, a.unit_id, t.issued_at FROM assignment a JOIN task t ON t.id = a.task_id
          WHERE a.acked_at IS NULL ORDER BY t.issued_at DESC LIMIT 1
          """)!
      return (row[0], row[1], Instant(epochSeconds: row[2]))
    }
  }

  @Test func anAcknowledgementOutsideItsWindowIsRejectedWithTheReason() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let a = try pendingAssignment(s)
    let before = try TestStores.digest(s)
    let recorded = a.issued + .hours(2)
    let cases: [(Instant, String)] = [
      (Instant(epochSeconds: 0), "before the task was issued (issued \(InstantFormat.iso(a.issued))"),
      (a.issued - Span(seconds: 301), "before the task was issued"),
      (recorded + Span(seconds: 301), "in the future"),
    ]
    for (at, words) in cases {
      let ack = GridEvent(
        id: "late-\(at.epochSeconds)", at: at, kind: .acknowledged(task: a.task, unit: .id(a.unit)))
      let ok = GridEvent(id: "ok-visit", at: recorded, kind: .groupBuilt(unit: .id(a.unit)))
      #expect {
        _ = try s.ingest([ok, ack], recordedAt: recorded, source: "test")
      } throws: { error in
        guard case StoreError.rejected(let list) = error else { return false }
        return list.count == 1 && list[0].index == 1 && list[0].problem.field == "at"
          && list[0].problem.problem.contains(words)
      }
    }
    let future = GridEvent(id: "v", at: recorded + .hours(1), kind: .groupBuilt(unit: .id(a.unit)))
    #expect(throws: (any Error).self) { _ = try s.ingest([future], recordedAt: recorded) }
    #expect(try TestStores.digest(s) == before, "no rejected batch was applied")
    // Within the 5-minute allowance on both sides.
    let early = GridEvent(
      id: "skew", at: a.issued - Span(seconds: 299), kind: .acknowledged(task: a.task, unit: .id(a.unit)))
    #expect(try s.ingest([early], recordedAt: a.issued - Span(seconds: 590)).applied == 1)
    #expect(try s.verify().isEmpty)
  }

  @Test func everyEventRecordsItsSourceAndRecordedTime() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let a = try pendingAssignment(s)
    let at = a.issued + .hours(1)
    _ = try s.ingest(
      [GridEvent(id: "src-1", at: at, kind: .acknowledged(task: a.task, unit: .id(a.unit)))],
      recordedAt: at + .hours(2), source: "ingest:acks.jsonl")
    let row = try s.pool.read { db in
      try Row.fetchOne(db, sql: "SELECT source, recorded_at, digest FROM event WHERE id = 'src-1'")!
    }
    #expect((row[0] as String) == "ingest:acks.jsonl")
    #expect((row[1] as Int64) == (at + .hours(2)).epochSeconds)
    #expect((row[2] as Int64?) != nil)
  }

  @Test func theSameIdWithOtherContentIsAConflictAcrossAndWithinBatches() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let a = try pendingAssignment(s)
    let at = a.issued + .hours(1)
    let recorded = at + .hours(1)
    let first = GridEvent(id: "dup", at: at, kind: .acknowledged(task: a.task, unit: .id(a.unit)))
    let other = GridEvent(
      id: "dup", at: at + .minutes(1), kind: .acknowledged(task: a.task, unit: .id(a.unit)))
    #expect(try s.ingest([first], recordedAt: recorded).applied == 1)
    #expect(try s.ingest([first], recordedAt: recorded).duplicates == 1, "same content: a no-op")
    let before = try TestStores.digest(s)
    func isConflict(_ error: any Error, at index: Int) -> Bool {
      guard case StoreError.rejected(let list) = error, list.count == 1 else { return false }
      return list[0].index == index && list[0].problem.field == "id"
        && list[0].problem.problem.contains("\"dup\" was already recorded with different content")
    }
    #expect { _ = try s.ingest([other], recordedAt: recorded) } throws: { isConflict($0, at: 0) }
    let visitHousehold = try s.pool.read { db in
      try Int64.fetchOne(db, sql: "SELECT household_id FROM help_case LIMIT 1")!
    }
    let v1 = GridEvent(id: "twice", at: at, kind: .visited(household: visitHousehold))
    let v2 = GridEvent(id: "twice", at: at + .minutes(5), kind: .visited(household: visitHousehold))
    #expect {
      _ = try s.ingest([v1, v2], recordedAt: recorded)
    } throws: { error in
      guard case StoreError.rejected(let list) = error else { return false }
      return list.map(\.index) == [1] && list[0].problem.problem.contains("\"twice\" was already recorded")
    }
    #expect(try TestStores.digest(s) == before)
    #expect(try s.ingest([v1, v1], recordedAt: recorded).duplicates == 1)
  }

  @Test func lateArrivalsCountEventsRecordedLongAfterTheirTimePerChild() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let a = try pendingAssignment(s)
    let root = try s.root()
    let recorded = a.issued + .hours(3)
    _ = try s.ingest(
      [
        GridEvent(
          id: "late", at: a.issued + .minutes(10), kind: .acknowledged(task: a.task, unit: .id(a.unit))),
        GridEvent(id: "fresh", at: recorded - .minutes(5), kind: .groupBuilt(unit: .id(a.unit))),
      ], recordedAt: recorded)
    let counts = try s.lateArrivals(under: root, recordedIn: .hours(24), before: recorded + .minutes(1))
    #expect(counts[root.id] == LateArrivals(events: 2, late: 1))
    let child = try s.path(of: a.unit).segments.first!
    let childID = try s.resolve(PlacePath(parsing: child)).id
    #expect(counts[childID] == LateArrivals(events: 2, late: 1))
    #expect(counts.count == 2, "only the unit's own street has events")
    let later = try s.lateArrivals(under: root, recordedIn: .hours(1), before: recorded + .hours(2))
    #expect(later.isEmpty, "outside the window")
  }

  // MARK: tasks

  @Test func taskIdsAreNeverReusedAndWithdrawalKeepsReminders() throws {
    let s = try TestStores.make(.tiny)
    defer { TestStores.cleanup(s) }
    let root = try s.root()
    func dispatch() throws -> Int64 {
      try s.dispatch(
        DispatchRequest(scopeID: root.id, type: .notice, title: "通知", operatorName: "x", issuedAt: anchor)
      ).taskID
    }
    let first = try dispatch()
    let late = anchor + .hours(5)
    let reminded = try s.remind(task: first, under: root.id, operator: "x", at: late)
    #expect(reminded > 0)
    try s.withdraw(task: first, operator: "x", at: late)
    let second = try dispatch()
    #expect(second == first + 1, "the withdrawn task's id \(first) is not handed out again")
    let kept = try s.pool.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM reminder WHERE task_id = ?", arguments: [first])!
    }
    #expect(kept == reminded)
    let detail = try s.pool.read { db in
      try String.fetchOne(
        db, sql: "SELECT detail FROM audit WHERE task_id = ? AND action = 'withdraw'", arguments: [first])!
    }
    #expect(detail.contains("\"reminders_kept\":\(reminded)"))
    #expect(
      try s.tasks(in: root.id, at: late, window: .days(1)).first { $0.task.id == second }?.reminders == 0)
    #expect(try s.verify().isEmpty)
  }

  // MARK: demo

  @Test func theSimulatorRefusesAStoreWithoutTheDemoMark() throws {
    let s = try TestStores.make(.tiny)
    defer { TestStores.cleanup(s) }
    #expect(try s.isDemo())
    try s.clearDemoMark()
    let sim = Simulator(store: s, seed: 1, clock: FixedClock(anchor))
    let before = try TestStores.digest(s)
    #expect { _ = try sim.step(events: 10) } throws: { "\($0)".contains("not a demo store") }
    #expect(try TestStores.digest(s) == before)
  }

  @Test func demoForceRefusesWhileAWriterIsOpenAndReplacesByRename() throws {
    let path = try closedDemo()
    let generator = DemoGenerator(preset: .tiny, seed: 8, anchor: anchor)
    let stale = DemoGenerator.partialPath(of: path, pid: 999_999)
    FileManager.default.createFile(atPath: stale, contents: Data("left by a killed run".utf8))
    let before = bytes(path)
    do {
      let writer = try SQLiteStore(path: path, mode: .write)
      #expect { _ = try generator.generate(to: path, replace: true) } throws: {
        "\($0)".contains("another process has this store open for writing")
      }
      withExtendedLifetime(writer) {}
    }
    #expect(bytes(path) == before)
    var inode = stat()
    stat(path, &inode)
    let oldInode = inode.st_ino
    _ = try generator.generate(to: path, replace: true)
    stat(path, &inode)
    #expect(inode.st_ino != oldInode, "renamed into place")
    #expect(bytes(path) != before)
    #expect(!FileManager.default.fileExists(atPath: stale), "a dead run's partial file is removed")
    let dir = (path as NSString).deletingLastPathComponent
    let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".partial-") }
    #expect(left.isEmpty, "\(left)")
    #expect(try SQLiteStore(path: path, mode: .read).verify().isEmpty)
  }

  @Test func demoForceDoesNotReplaceAFileThatIsNotAStore() throws {
    let path = TestStores.tempPath("notes.sqlite")
    FileManager.default.createFile(atPath: path, contents: Data("my notes".utf8))
    #expect {
      _ = try DemoGenerator(preset: .tiny, seed: 1, anchor: anchor).generate(to: path, replace: true)
    } throws: { "\($0)".contains("replaces only Wangge stores") }
    #expect(bytes(path) == Data("my notes".utf8))
  }
}
