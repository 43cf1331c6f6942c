import Foundation
import GRDB
import Testing
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// A store already holding out-of-range values (written by an older binary, built here by raw SQL)
/// opens, every read survives it, and `verify` names the rows; a dispatch out of bounds writes nothing.
@Suite struct StoredBoundsTests {
  static let now = TestStores.anchor

  /// The newest task gets an absurd finish window, the one before an absurd ack window, and one
  /// assignment of each an acknowledgement at -9223372036854775807 and a finish at Int64.max.
  static func poisoned() throws -> (SQLiteStore, newest: Int64, older: Int64) {
    let store = try TestStores.make()
    let ids = try store.pool.read { db in
      try Int64.fetchAll(db, sql: "SELECT id FROM task ORDER BY id DESC LIMIT 2")
    }
    try #require(ids.count == 2)
    try store.writer.write { db in
      try db.execute(
        sql: "UPDATE task SET finish_within = 106751991167300 * 86400 WHERE id = ?", arguments: [ids[0]])
      try db.execute(
        sql: "UPDATE task SET ack_within = 9223372036854775807 WHERE id = ?", arguments: [ids[1]])
      for (task, column, value) in [(ids[0], "acked_at", Int64.min + 1), (ids[1], "finished_at", Int64.max)] {
        try db.execute(
          sql: """
            UPDATE assignment SET \(column) = ?
            WHERE task_id = ? AND unit_id = (SELECT min(unit_id) FROM assignment WHERE task_id = ?)
            """, arguments: [value, task, task])
      }
    }
    return (store, ids[0], ids[1])
  }

  @Test func everyReadSurvivesAbsurdStoredValues() throws {
    let (store, newest, older) = try Self.poisoned()
    defer { TestStores.cleanup(store) }
    let reopened = try SQLiteStore(path: store.path)
    let root = try reopened.root()
    let tasks = try reopened.tasks(in: root.id, at: Self.now, window: .days(366))
    let absurd = try #require(tasks.first { $0.task.id == newest })
    #expect(absurd.deadlines.finish.epochSeconds > InputBounds.latestInstant.epochSeconds)
    for task in [newest, older] {
      let details = try reopened.assignments(of: task, under: root.id, at: Self.now, limit: 100_000)
      #expect(!details.isEmpty)
      #expect(details.allSatisfy { $0.lateBy >= 0 })
      _ = try reopened.rankings(by: .department, task: task, under: root.id, at: Self.now, window: .days(7))
    }
    _ = try reopened.rankings(by: .station, task: nil, under: root.id, at: Self.now, window: .days(366))
    _ = try PlaceReport.make(store: reopened, scope: root, at: Self.now, window: .days(366))
    _ = try reopened.remind(task: newest, under: root.id, operator: "test", at: Self.now)
    _ = try reopened.verify()
  }

  @Test func verifyNamesEveryOutOfRangeRow() throws {
    let (store, newest, older) = try Self.poisoned()
    defer { TestStores.cleanup(store) }
    let found = try store.boundViolations()
    let text = found.map(\.description)
    #expect(found.count == 4, "\(text)")
    let finish = try #require(found.first { $0.field == "finish_within" })
    #expect(finish.table == "task")
    #expect(finish.key == "task \(newest)")
    #expect(finish.value == "\(Int64(106_751_991_167_300) * 86_400)")
    #expect(finish.bound == "1 to 2592000 seconds (30 days)")
    #expect(
      found.contains {
        $0.key == "task \(older)" && $0.field == "ack_within" && $0.value == "9223372036854775807"
      })
    let acked = try #require(found.first { $0.field == "acked_at" })
    #expect(acked.table == "assignment")
    #expect(acked.key.hasPrefix("task \(newest) unit "))
    #expect(acked.value == "-9223372036854775807")
    #expect(acked.bound.contains("2000-01-01T00:00:00+08:00 to 2100-12-31T23:59:59+08:00"))
    #expect(found.contains { $0.field == "finished_at" && $0.value == "9223372036854775807" })
  }

  @Test func aCleanStoreHasNoViolations() throws {
    let store = try TestStores.make()
    defer { TestStores.cleanup(store) }
    #expect(try store.boundViolations().isEmpty)
  }

  @Test(arguments: [
    (Span(seconds: 30 * 86_400 + 1), Span.days(31), "ack window: at most 30 days"),
    (Span.hours(3), Span(seconds: 106_751_991_167_300 * 86_400), "finish window: at most 30 days"),
    (Span(seconds: 0), Span.hours(3), "ack window: must be more than 0"),
    (Span.hours(3), Span(seconds: -1), "finish window: must be more than 0"),
  ])
  func dispatchOutOfBoundsWritesNothing(ack: Span, finish: Span, message: String) throws {
    let store = try TestStores.make()
    defer { TestStores.cleanup(store) }
    let before = try TestStores.digest(store)
    let request = DispatchRequest(
      scopeID: try store.root().id, type: .notice, title: "x", ackWithin: ack, finishWithin: finish,
      operatorName: "test", issuedAt: Self.now)
    #expect(throws: TaskDeskError.self) { try store.dispatch(request) }
    do {
      _ = try store.dispatch(request)
    } catch let e as TaskDeskError {
      #expect(e.description.hasPrefix(message), "\(e)")
    }
    #expect(try TestStores.digest(store) == before)
  }

  @Test func theLongestWindowsDispatch() throws {
    let store = try TestStores.make()
    defer { TestStores.cleanup(store) }
    let request = DispatchRequest(
      scopeID: try store.root().id, type: .notice, title: "x", ackWithin: .days(30), finishWithin: .days(30),
      operatorName: "test", issuedAt: Self.now)
    #expect(try store.dispatch(request).assignments > 0)
  }
}
