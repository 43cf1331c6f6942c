import Foundation
import GRDB
import Testing
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// Ingest: idempotent by event id, all-or-nothing per batch, rollups kept equal to a recount.
@Suite(.serialized) struct IngestTests {
  let now = TestStores.anchor

  /// Raw facts of a store needed to write meaningful events.
  struct Facts {
    var assignments: [(task: Int64, unit: Int64)]
    var households: [Int64]
    var helpHouseholds: [Int64]
    var units: [Int64]
    var taskIssued: [Int64: Int64]
  }

  func facts(_ s: SQLiteStore) throws -> Facts {
    try s.pool.read { db in
      Facts(
        assignments: try Row.fetchAll(db, sql: "SELECT task_id, unit_id FROM assignment").map {
          ($0[0], $0[1])
        },
        households: try Int64.fetchAll(db, sql: "SELECT id FROM household"),
        helpHouseholds: try Int64.fetchAll(db, sql: "SELECT household_id FROM help_case"),
        units: try Int64.fetchAll(db, sql: "SELECT place_id FROM unit"),
        taskIssued: Dictionary(
          uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, issued_at FROM task").map {
            ($0[0], $0[1])
          }))
    }
  }

  func figuresOfRootChildren(_ s: SQLiteStore) throws -> [Int64: PlaceFigures] {
    let root = try s.root()
    return try s.figures(for: [root.id] + s.children(of: root.id).map(\.id), at: now, window: .days(7))
  }

  @Test func theSameEventsTwiceChangeNothingTheSecondTime() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let f = try facts(s)
    let pending = try s.pool.read { db in
      try Row.fetchAll(db, sql: "SELECT task_id, unit_id FROM assignment WHERE acked_at IS NULL LIMIT 20")
    }
    #expect(pending.count == 20)
    var events = pending.enumerated().map { i, r in
      GridEvent(id: "ack-\(i)", at: now, kind: .acknowledged(task: r[0], unit: .id(r[1])))
    }
    events.append(
      GridEvent(id: "reach-1", at: now, kind: .reached(household: f.households[0], via: .notReached)))
    let first = try s.ingest(events, recordedAt: now)
    #expect(first.applied + first.noEffect == events.count)
    #expect(first.applied >= 20)
    let after = try TestStores.digest(s)
    let figures = try figuresOfRootChildren(s)
    let second = try s.ingest(events, recordedAt: now + .hours(1))
    #expect(second.duplicates == events.count)
    #expect(second.applied == 0)
    #expect(try TestStores.digest(s) == after)
    #expect(try figuresOfRootChildren(s) == figures)
    #expect(try s.verify().isEmpty)
  }

  @Test func aBatchWithOneBadEventIsNotAppliedAtAll() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let f = try facts(s)
    let before = try TestStores.digest(s)
    let good = GridEvent(
      id: "g1", at: now, kind: .acknowledged(task: f.assignments[0].task, unit: .id(f.assignments[0].unit)))
    let badTask = GridEvent(id: "b1", at: now, kind: .acknowledged(task: 999, unit: .id(f.units[0])))
    let badHousehold = GridEvent(id: "b2", at: now, kind: .visited(household: 99_999_999))
    let badPath = GridEvent(id: "b3", at: now, kind: .groupBuilt(unit: .path(PlacePath(parsing: "长安街道/没有"))))
    do {
      _ = try s.ingest([good, badTask, good, badHousehold, badPath], recordedAt: now)
      Issue.record("a bad batch was accepted")
    } catch StoreError.rejected(let list) {
      #expect(list.map(\.index) == [1, 3, 4])
      #expect(list.map(\.problem.field) == ["task", "household", "unit"])
      #expect(list[2].problem.problem.contains("长安街道"))
    }
    #expect(try TestStores.digest(s) == before)
    // The good event, sent again alone, is applied: its id was not burnt by the failed batch.
    #expect(try s.ingest([good], recordedAt: now).duplicates == 0)
  }

  @Test func theEarliestAcknowledgementWinsWhateverTheOrder() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let row = try s.pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT task_id, unit_id FROM assignment WHERE acked_at IS NULL AND task_id = 6")!
    }
    let task: Int64 = row[0]
    let unit: Int64 = row[1]
    let issued = try facts(s).taskIssued[task]!
    let deadline = Instant(epochSeconds: issued) + .hours(3)
    let late = GridEvent(
      id: "late", at: deadline + Span(seconds: 1), kind: .acknowledged(task: task, unit: .id(unit)))
    let exact = GridEvent(id: "exact", at: deadline, kind: .acknowledged(task: task, unit: .id(unit)))
    _ = try s.ingest([late], recordedAt: deadline + .hours(1))
    let lateRow = try s.pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT acked, acked_on_time FROM task_tally WHERE task_id = ? AND place_id = 1",
        arguments: [task])!
    }
    _ = try s.ingest([exact], recordedAt: deadline + .hours(1))
    let exactRow = try s.pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT acked, acked_on_time FROM task_tally WHERE task_id = ? AND place_id = 1",
        arguments: [task])!
    }
    #expect((exactRow[0] as Int) == (lateRow[0] as Int))
    #expect((exactRow[1] as Int) == (lateRow[1] as Int) + 1)
    #expect(try s.verify().isEmpty)
  }

  @Test func anotherConnectionSeesTheChangeToken() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let other = try SQLiteStore(path: s.path)
    let before = try s.changeToken()
    #expect(try s.changeToken() == before)
    let f = try facts(s)
    _ = try other.ingest(
      [GridEvent(id: "gb", at: now, kind: .reached(household: f.households[1], via: .notReached))],
      recordedAt: now)
    #expect(try s.changeToken() != before)
  }

  /// Property: any random stream of events, in random batches, leaves every rollup equal to a recount.
  @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
  func randomEventStreamsKeepRollupsEqualToARecount(seed: UInt64) throws {
    let s = try TestStores.make(.tiny, seed: seed)
    defer { TestStores.cleanup(s) }
    let f = try facts(s)
    var rng = SeededRandom(seed: seed &* 31)
    var sent: [GridEvent] = []
    // Half of the unit references go by path (with or without the root's name), so both ingest paths run.
    let root = try s.root().name
    var paths: [Int64: PlacePath] = [:]
    func unit(_ id: Int64) throws -> GridEvent.UnitRef {
      guard rng.chance(0.5) else { return .id(id) }
      if paths[id] == nil { paths[id] = try s.path(of: id) }
      let path = paths[id]!
      return .path(rng.chance(0.5) ? path : PlacePath(parsing: root + "/" + path.description))
    }
    for batch in 0..<8 {
      var events: [GridEvent] = []
      for i in 0..<(rng.below(150) + 1) {
        let id = "p\(batch)-\(i)"
        let issued = f.taskIssued.values.min()!
        var at = Instant(epochSeconds: issued + Int64(rng.below(80 * 3600)))
        let kind: GridEvent.Kind
        // An acknowledgement or finish is never before its task was issued (the store rejects that).
        func sinceIssue(_ task: Int64) -> Instant {
          Instant(epochSeconds: f.taskIssued[task]! + Int64(rng.below(80 * 3600)))
        }
        switch rng.below(7) {
        case 0, 1:
          let a = f.assignments[rng.below(f.assignments.count)]
          at = sinceIssue(a.task)
          kind = .acknowledged(task: a.task, unit: try unit(a.unit))
        case 2:
          let a = f.assignments[rng.below(f.assignments.count)]
          at = sinceIssue(a.task)
          kind = .finished(
            task: a.task, unit: try unit(a.unit), result: rng.chance(0.5) ? "{\"checked\":3}" : nil)
        case 3: kind = .visited(household: f.helpHouseholds[rng.below(f.helpHouseholds.count)])
        case 4: kind = .groupBuilt(unit: try unit(f.units[rng.below(f.units.count)]))
        case 5:
          kind = .reached(
            household: f.households[rng.below(f.households.count)], via: Reachability(rawValue: rng.below(3))!
          )
        default:
          kind = .greenChannel(
            household: f.helpHouseholds[rng.below(f.helpHouseholds.count)], open: rng.chance(0.5))
        }
        events.append(GridEvent(id: id, at: at, kind: kind))
      }
      // Replays of earlier events are mixed in and must change nothing.
      if !sent.isEmpty { events += (0..<5).map { _ in sent[rng.below(sent.count)] } }
      // Recorded after the latest possible event time (an event may not be later than its recording).
      _ = try s.ingest(events, recordedAt: Instant(epochSeconds: f.taskIssued.values.max()! + 80 * 3600))
      sent += events
    }
    let mismatches = try s.verify()
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    #expect(!paths.isEmpty, "some events must have named their unit by path")
    // Every path-named event landed on its unit: the same stream by ids gives the same store.
    let byID = try TestStores.make(.tiny, seed: seed)
    defer { TestStores.cleanup(byID) }
    for chunk in stride(from: 0, to: sent.count, by: 200) {
      let ids = sent[chunk..<min(sent.count, chunk + 200)].map { e -> GridEvent in
        var copy = e
        copy.kind = e.kind.withUnitIDs(paths)
        return copy
      }
      _ = try byID.ingest(ids, recordedAt: Instant(epochSeconds: f.taskIssued.values.max()! + 80 * 3600))
    }
    // Every table but the event log itself (whose digests tell the two spellings apart) is the same.
    func state(_ store: SQLiteStore) throws -> [String] {
      try TestStores.dump(store).filter { !$0.hasPrefix("event ") }
    }
    #expect(try state(byID) == state(s))
  }

  @Test func verifyFindsATamperedRollup() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    try s.writer.write { db in
      try db.execute(sql: "UPDATE place_stats SET households = households + 1 WHERE place_id = 2")
    }
    let m = try s.verify()
    #expect(m.count == 1)
    #expect(m.first?.field == "households")
  }
}

extension GridEvent.Kind {
  /// The same event with every unit named by path replaced by its id (from `paths`, id → path).
  func withUnitIDs(_ paths: [Int64: PlacePath]) -> GridEvent.Kind {
    func id(_ ref: GridEvent.UnitRef) -> GridEvent.UnitRef {
      guard case .path(let p) = ref else { return ref }
      let bare = p.segments.count > 1 ? PlacePath(segments: Array(p.segments.dropFirst())) : p
      return .id(paths.first { $0.value == p || $0.value == bare }!.key)
    }
    switch self {
    case .acknowledged(let task, let unit): return .acknowledged(task: task, unit: id(unit))
    case .finished(let task, let unit, let result):
      return .finished(task: task, unit: id(unit), result: result)
    case .groupBuilt(let unit): return .groupBuilt(unit: id(unit))
    default: return self
    }
  }
}
