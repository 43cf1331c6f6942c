import Foundation
import GRDB
import Testing
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// The simulator: valid events of several kinds, rollups equal to a recount, no collisions, new tasks.
@Suite(.serialized) struct SimulatorTests {
  let now = TestStores.anchor

  /// Root figures the simulator's events move: acknowledged, finished, reached, groups built.
  func rootCounts(_ s: SQLiteStore) throws -> [Int64] {
    try s.pool.read { db in
      let root = try SQLiteStore.root(db).id
      let tally = try Row.fetchOne(
        db, sql: "SELECT sum(acked), sum(finished) FROM task_tally WHERE place_id = ?", arguments: [root])!
      let stats = try Row.fetchOne(
        db, sql: "SELECT reached_group + reached_phone, groups_built FROM place_stats WHERE place_id = ?",
        arguments: [root])!
      return [tally[0], tally[1], stats[0], stats[1]]
    }
  }

  func simulatedEvents(_ s: SQLiteStore) throws -> Int {
    try s.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE id LIKE 'sim-%'") ?? 0
    }
  }

  @Test func stepsApplyEveryEventOfSeveralKindsAndKeepRollupsExact() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let before = try rootCounts(s)
    let sim = Simulator(store: s, seed: 1, clock: FixedClock(now))
    var total = IngestSummary()
    for _ in 0..<4 { total.add(try sim.step(events: 50)) }
    for _ in 0..<20 { total.add(try sim.step(events: 1)) }
    #expect(total == IngestSummary(applied: 220))
    #expect(try simulatedEvents(s) == 220)
    let c = sim.counts
    #expect(c.events == 220)
    #expect([c.acknowledged, c.finished, c.visited, c.reached, c.groupsBuilt].allSatisfy { $0 > 0 })
    // Every event changed exactly what it names.
    let after = try rootCounts(s)
    #expect(after[0] - before[0] == Int64(c.acknowledged))
    #expect(after[1] - before[1] == Int64(c.finished))
    #expect(after[2] - before[2] == Int64(c.reached))
    #expect(after[3] - before[3] == Int64(c.groupsBuilt))
    #expect(try s.verify().isEmpty)
  }

  @Test func twoSimulatorsWithDifferentSeedsShareAStoreWithoutCollisions() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let a = Simulator(store: s, seed: 1, clock: FixedClock(now))
    let b = Simulator(store: s, seed: 2, clock: FixedClock(now))
    var total = IngestSummary()
    for _ in 0..<5 {
      total.add(try a.step(events: 20))
      total.add(try b.step(events: 20))
    }
    #expect(total == IngestSummary(applied: 200))
    #expect(try simulatedEvents(s) == 200)
    #expect(a.counts.events == 100 && b.counts.events == 100)
    #expect(try s.verify().isEmpty)
  }

  @Test func withNothingOpenItIssuesOneShortNoticeAndThenAcknowledgesIt() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    // A day after the anchor every demo task is past its finish deadline: nothing to acknowledge.
    let later = now + .days(1)
    let sim = Simulator(store: s, seed: 5, clock: FixedClock(later))
    let summary = try sim.step(events: 120)
    #expect(sim.counts.tasksIssued == 1)
    #expect(summary == IngestSummary(applied: 120))
    let (task, units, acked) = try s.pool.read { db in
      let task = try Row.fetchOne(
        db, sql: "SELECT id, type, issued_at, scope_id FROM task ORDER BY id DESC LIMIT 1")!
      let units = try Int.fetchOne(
        db, sql: "SELECT count(*) FROM assignment WHERE task_id = ?", arguments: [task[0]])!
      let acked = try Int.fetchOne(
        db, sql: "SELECT count(*) FROM assignment WHERE task_id = ? AND acked_at IS NOT NULL",
        arguments: [task[0]])!
      return (task, units, acked)
    }
    #expect(task[1] as String == "notice")
    #expect(task[2] as Int64 == later.epochSeconds)
    #expect(units > 0)
    #expect(acked > 0)
    #expect(try s.verify().isEmpty)
    // The store's figures count it as an issued task.
    #expect(try s.taskCount(issuedIn: .hours(1), before: later) == 1)
    // Within 15 minutes no second notice, however much else happens.
    _ = try sim.step(events: 300)
    #expect(sim.counts.tasksIssued == 1)
    #expect(try s.verify().isEmpty)
  }

  @Test func runPacesStepsUntilAskedToStop() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let sim = Simulator(store: s, seed: 9, clock: FixedClock(TestStores.anchor))
    let checks = LockedCounter()
    var batches = 0
    try sim.run(rate: 200, shouldStop: { checks.next() > 4 }, onBatch: { _ in batches += 1 })
    #expect(batches >= 2)
    #expect(sim.counts.events > 0)
    #expect(sim.counts.ingest.duplicates == 0)
    #expect(try s.verify().isEmpty)
  }
}
