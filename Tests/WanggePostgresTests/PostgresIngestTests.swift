import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// Ingest on PostgreSQL does what the SQLite engine does on the same rows: the same summary, the
/// same rejections, and the same reads afterwards.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresIngestTests {
  /// Both engines on the tiny demo, and the units, households and tasks a batch can name.
  struct Pair {
    let sqlite: any GridStore
    let pg: PostgresStore
    let scratch: ScratchDatabase
    let cleanup: () -> Void
    /// The SQLite store's event rows (see ``SQLiteFixture/events(_:)``).
    let sqliteEvents: () throws -> [String]
    /// The SQLite store's audit rows (see ``SQLiteFixture/audit(_:)``).
    let sqliteAudit: () throws -> [String]
    let task: Int64
    let pending: [Int64]
    let acked: [Int64]
    let helpHouseholds: [Int64]
    let households: [Int64]
  }

  static func pair(_ label: String) throws -> Pair {
    let sqlite = try SQLiteFixture.tinyDemo()
    let scratch = try TestServer.scratch(label)
    try SQLiteFixture.load(sqlite, into: try scratch.connect())
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    let now = SQLiteFixture.anchor
    let root = try sqlite.root()
    let tasks = try sqlite.tasks(in: root.id, at: now, window: .days(7))
    let task = try #require(
      tasks.first { $0.tally.acknowledged < $0.tally.assigned && $0.tally.acknowledged > 0 },
      "a task with acknowledged and pending assignments")
    let rows = try sqlite.assignments(of: task.task.id, under: root.id, at: now, limit: 100_000)
    let pending = rows.filter { $0.tally.acknowledged == 0 }.map(\.unitID)
    let acked = rows.filter { $0.tally.acknowledged == 1 && $0.tally.finished == 0 }.map(\.unitID)
    var help: [Int64] = []
    var households: [Int64] = []
    for unit in rows.map(\.unitID).prefix(40) {
      for h in try sqlite.households(ofUnit: unit) {
        if h.helpCase != nil { help.append(h.household.id) } else { households.append(h.household.id) }
      }
    }
    return Pair(
      sqlite: sqlite, pg: pg, scratch: scratch,
      cleanup: {
        scratch.drop()
        SQLiteFixture.remove(sqlite)
      }, sqliteEvents: { try SQLiteFixture.events(sqlite) },
      sqliteAudit: { try SQLiteFixture.audit(sqlite) }, task: task.task.id, pending: pending, acked: acked,
      helpHouseholds: help, households: households)
  }

  static func ack(_ id: String, _ task: Int64, _ unit: GridEvent.UnitRef, _ at: Instant) -> GridEvent {
    GridEvent(id: id, at: at, kind: .acknowledged(task: task, unit: unit))
  }

  @Test func aMixedBatchAppliesAlikeAndASecondRunIsAllDuplicates() throws {
    let p = try Self.pair("mixed")
    defer { p.cleanup() }
    let now = SQLiteFixture.anchor
    try #require(p.pending.count >= 5 && !p.acked.isEmpty && p.helpHouseholds.count >= 2)
    let u3path = try p.sqlite.path(of: p.pending[3])
    let events: [GridEvent] = [
      Self.ack("w-1", p.task, .id(p.pending[0]), now - .hours(1)),
      Self.ack("w-2", p.task, .id(p.pending[0]), now - .hours(2)),  // earlier: wins
      Self.ack("w-3", p.task, .id(p.pending[0]), now - .minutes(30)),  // later: no effect
      GridEvent(
        id: "w-4", at: now - .minutes(10),
        kind: .finished(task: p.task, unit: .id(p.pending[1]), result: "{\"checked\":3}")),
      Self.ack("w-1", p.task, .id(p.pending[0]), now - .hours(1)),  // duplicate id, same content
      Self.ack("w-5", p.task, .path(u3path), now - .minutes(20)),
      Self.ack("w-6", p.task, .id(p.acked[0]), now),
      GridEvent(id: "w-7", at: now, kind: .groupBuilt(unit: .id(p.pending[4]))),
      GridEvent(id: "w-8", at: now, kind: .reached(household: p.households[0], via: .phoneOnly)),
      GridEvent(id: "w-9", at: now - .minutes(1), kind: .visited(household: p.helpHouseholds[0])),
      GridEvent(id: "w-10", at: now, kind: .greenChannel(household: p.helpHouseholds[1], open: true)),
      GridEvent(
        id: "w-11", at: now - .minutes(5), kind: .finished(task: p.task, unit: .id(p.pending[0]), result: nil)
      ),
      GridEvent(id: "w-12", at: now, kind: .reached(household: p.households[0], via: .inGroup)),
      GridEvent(
        id: "w-13", at: now - .minutes(15),
        kind: .finished(task: p.task, unit: .id(p.pending[1]), result: "{\"checked\":4}")),
    ]
    let a = try p.pg.ingest(events, recordedAt: now, source: "test")
    let b = try p.sqlite.ingest(events, recordedAt: now, source: "test")
    #expect(a == b)
    #expect(a.duplicates == 1 && a.noEffect >= 1 && a.applied >= 10, "\(a)")
    try EngineComparison.expectSameReads(p.pg, p.sqlite, at: now)
    #expect(try pgEvents(p) == p.sqliteEvents())
    let again = try p.pg.ingest(events, recordedAt: now + .minutes(1), source: "test")
    #expect(again == (try p.sqlite.ingest(events, recordedAt: now + .minutes(1), source: "test")))
    #expect(again.duplicates == events.count)
    try EngineComparison.expectSameReads(p.pg, p.sqlite, at: now)
  }

  @Test func aRejectedBatchListsTheSameEventsAndChangesNothing() throws {
    let p = try Self.pair("rejected")
    defer { p.cleanup() }
    let now = SQLiteFixture.anchor
    _ = try p.pg.ingest([Self.ack("r-0", p.task, .id(p.pending[0]), now - .hours(1))], recordedAt: now)
    _ = try p.sqlite.ingest([Self.ack("r-0", p.task, .id(p.pending[0]), now - .hours(1))], recordedAt: now)
    let before = try p.pg.placeReport(try p.pg.root(), at: now, window: .days(7)).scope.figures
    let events: [GridEvent] = [
      Self.ack("r-1", p.task, .id(p.pending[1]), now - .hours(1)),  // fine
      Self.ack("r-2", 999_999, .id(p.pending[1]), now),  // unknown task
      Self.ack("r-3", p.task, .id(99_999_999), now),  // unknown unit
      Self.ack("r-4", p.task, .id(p.pending[2]), now + .hours(1)),  // in the future
      Self.ack("r-0", p.task, .id(p.pending[0]), now - .hours(3)),  // same id, other content
      GridEvent(id: "r-5", at: now, kind: .visited(household: 0)),
      GridEvent(id: "r-6", at: now, kind: .visited(household: p.households[0])),  // no help case
      GridEvent(id: "r-7", at: now, kind: .groupBuilt(unit: .path(PlacePath(segments: ["没有", "这里"])))),
      Self.ack("r-8", p.task, .id(p.pending[3]), Instant(epochSeconds: 0)),  // before the task
      GridEvent(id: "r-9", at: now, kind: .greenChannel(household: p.households[0], open: true)),
      Self.ack("r-10", p.task, .path(try p.sqlite.path(of: try p.sqlite.root().id)), now),  // not a unit
    ]
    let mine = try #require(throws: StoreError.self) { try p.pg.ingest(events, recordedAt: now) }
    let theirs = try #require(throws: StoreError.self) { try p.sqlite.ingest(events, recordedAt: now) }
    #expect(mine == theirs)
    guard case .rejected(let list) = mine else {
      Issue.record("not a rejection: \(mine)")
      return
    }
    #expect(list.map(\.index) == Array(1..<events.count))
    #expect(try p.pg.placeReport(try p.pg.root(), at: now, window: .days(7)).scope.figures == before)
    try EngineComparison.expectSameReads(p.pg, p.sqlite, at: now)
  }

  /// The event rows of the PostgreSQL store, formatted like ``SQLiteFixture/events(_:)``.
  func pgEvents(_ p: Pair) throws -> [String] {
    try p.scratch.connect().exec(
      "SELECT id, type, at, recorded_at, source, digest, place_id FROM event ORDER BY id"
    ).map { r in
      "\(try r.get(0, as: String.self)) \(try r.get(1, as: String.self)) \(try r.get(2, as: Int64.self)) "
        + "\(try r.get(3, as: Int64.self)) \(try r.get(4, as: String.self)) "
        + "\(try r.optional(5, as: Int64.self) ?? 0) \(try r.optional(6, as: Int64.self) ?? -1)"
    }
  }
}
