import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Ingest through the contract, per engine: idempotent ids, all or nothing, earliest wins, conflicts
/// reported, and rollups that always equal a recount.
@Suite struct IngestConformanceTests {
  let now = ConformanceEngine.anchor

  @Test(arguments: ConformanceEngine.all)
  func theSameEventsTwiceChangeNothingTheSecondTime(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let facts = try ContractFacts(store, at: now)
    let task = try #require(facts.tasks.first)
    let units = facts.units[task.task.id] ?? []
    let events = units.prefix(20).enumerated().map { i, unit in
      GridEvent(
        id: "c-ack-\(i)", at: task.task.issuedAt + .minutes(30),
        kind: .acknowledged(task: task.task.id, unit: .id(unit)))
    }
    let first = try store.ingest(events, recordedAt: now, source: "test")
    let figures = try store.figures(for: [facts.root.id], at: now, window: .days(7))
    let again = try store.ingest(events, recordedAt: now, source: "test")
    #expect(again.applied == 0 && again.duplicates == events.count)
    #expect(first.applied + first.noEffect == events.count)
    #expect(try store.figures(for: [facts.root.id], at: now, window: .days(7)) == figures)
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func aBadLineRejectsItsWholeBatch(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let facts = try ContractFacts(store, at: now)
    let task = try #require(facts.tasks.first)
    let unit = try #require(facts.units[task.task.id]?.first)
    let token = try store.changeToken()
    let before = try store.figures(for: [facts.root.id], at: now, window: .days(7))
    let good = GridEvent(id: "c-good", at: now, kind: .acknowledged(task: task.task.id, unit: .id(unit)))
    let bad = GridEvent(id: "c-bad", at: now, kind: .acknowledged(task: 999_999, unit: .id(unit)))
    #expect(throws: StoreError.self) { try store.ingest([good, bad], recordedAt: now, source: "test") }
    #expect(try store.figures(for: [facts.root.id], at: now, window: .days(7)) == before)
    #expect(try store.changeToken() == token)
    // The good event's id was not kept: it applies on its own afterwards.
    let retried = try store.ingest([good], recordedAt: now, source: "test")
    #expect(retried.duplicates == 0 && retried.applied + retried.noEffect == 1)
  }

  @Test(arguments: ConformanceEngine.all)
  func theEarliestAcknowledgementWinsAndOnTimeIsToTheSecond(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let facts = try ContractFacts(store, at: now)
    let task = try #require(
      facts.tasks.first {
        ($0.tally.assigned - $0.tally.acknowledged) >= 2 && $0.task.issuedAt + $0.task.ackWithin < now
      })
    let pending = try store.assignments(of: task.task.id, under: facts.root.id, at: now, limit: 100_000)
      .filter { $0.state == .acknowledgementOverdue || $0.state == .finishOverdue || $0.state == .pending }
    try #require(pending.count >= 2)
    let deadline = task.deadlines.ack
    let (a, b) = (pending[0].unitID, pending[1].unitID)
    _ = try store.ingest(
      [
        GridEvent(
          id: "c-late", at: deadline + Span(seconds: 1), kind: .acknowledged(task: task.task.id, unit: .id(a))
        ),
        GridEvent(id: "c-exact", at: deadline, kind: .acknowledged(task: task.task.id, unit: .id(b))),
      ], recordedAt: now, source: "test")
    let afterFirst = try #require(
      try store.tasks(in: facts.root.id, at: now, window: .days(7)).first { $0.task.id == task.task.id })
    #expect(afterFirst.tally.acknowledged == task.tally.acknowledged + 2)
    #expect(afterFirst.tally.acknowledgedOnTime == task.tally.acknowledgedOnTime + 1)
    // An earlier acknowledgement of the late one arrives later: it wins, and becomes on time.
    _ = try store.ingest(
      [
        GridEvent(
          id: "c-earlier", at: deadline - .minutes(10), kind: .acknowledged(task: task.task.id, unit: .id(a)))
      ],
      recordedAt: now, source: "test")
    let afterSecond = try #require(
      try store.tasks(in: facts.root.id, at: now, window: .days(7)).first { $0.task.id == task.task.id })
    #expect(afterSecond.tally.acknowledged == afterFirst.tally.acknowledged)
    #expect(afterSecond.tally.acknowledgedOnTime == afterFirst.tally.acknowledgedOnTime + 1)
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func theSameIdWithOtherContentIsAConflict(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let facts = try ContractFacts(store, at: now)
    let task = try #require(facts.tasks.first)
    let units = try #require(facts.units[task.task.id])
    try #require(units.count >= 2)
    _ = try store.ingest(
      [GridEvent(id: "c-same", at: now, kind: .acknowledged(task: task.task.id, unit: .id(units[0])))],
      recordedAt: now, source: "test")
    #expect(throws: StoreError.self) {
      try store.ingest(
        [GridEvent(id: "c-same", at: now, kind: .acknowledged(task: task.task.id, unit: .id(units[1])))],
        recordedAt: now, source: "test")
    }
  }

  @Test(arguments: ConformanceEngine.all)
  func anEventBeforeItsTaskOrAfterItsRecordingIsRejected(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let facts = try ContractFacts(store, at: now)
    let task = try #require(facts.tasks.first)
    let unit = try #require(facts.units[task.task.id]?.first)
    let early = GridEvent(
      id: "c-early", at: task.task.issuedAt - .minutes(6),
      kind: .acknowledged(task: task.task.id, unit: .id(unit)))
    #expect(throws: StoreError.self) { try store.ingest([early], recordedAt: now, source: "test") }
    let future = GridEvent(
      id: "c-future", at: now + .minutes(6), kind: .acknowledged(task: task.task.id, unit: .id(unit)))
    #expect(throws: StoreError.self) { try store.ingest([future], recordedAt: now, source: "test") }
    let skewed = GridEvent(
      id: "c-skew", at: now + .minutes(5), kind: .acknowledged(task: task.task.id, unit: .id(unit)))
    let accepted = try store.ingest([skewed], recordedAt: now, source: "test")
    #expect(accepted.duplicates == 0 && accepted.applied + accepted.noEffect == 1)
  }

  /// Property: random streams of every kind of event, in random batches with replays, by id and by path,
  /// leave every rollup equal to a recount (`verify`).
  @Test(arguments: ConformanceEngine.all, [1, 2, 3] as [UInt64])
  func randomStreamsKeepRollupsEqualToARecount(engine: ConformanceEngine, seed: UInt64) throws {
    let store = try engine.store(seed: seed)
    let facts = try ContractFacts(store, at: now)
    var rng = SeededRandom(seed: seed &* 97)
    let assignments = facts.tasks.flatMap { t in (facts.units[t.task.id] ?? []).map { (t, $0) } }
    let help = try store.helpCases(under: facts.root.id, filter: HelpFilter(), limit: 10_000).rows.map(
      \.helpCase.householdID)
    let unitIDs = Array(Set(assignments.map(\.1))).sorted()
    var sent: [GridEvent] = []
    for batch in 0..<6 {
      var events: [GridEvent] = []
      for i in 0..<(1 + rng.below(80)) {
        let (t, unit) = assignments[rng.below(assignments.count)]
        let at = min(now, t.task.issuedAt + Span(seconds: Int64(rng.below(20 * 3600))))
        let ref: GridEvent.UnitRef = rng.chance(0.3) ? .path(try store.path(of: unit)) : .id(unit)
        let kind: GridEvent.Kind
        switch rng.below(5) {
        case 0, 1: kind = .acknowledged(task: t.task.id, unit: ref)
        case 2: kind = .finished(task: t.task.id, unit: ref, result: nil)
        case 3:
          kind = help.isEmpty ? .groupBuilt(unit: ref) : .visited(household: help[rng.below(help.count)])
        default: kind = .groupBuilt(unit: .id(unitIDs[rng.below(unitIDs.count)]))
        }
        events.append(GridEvent(id: "r\(seed)-\(batch)-\(i)", at: at, kind: kind))
      }
      if !sent.isEmpty { events += (0..<3).map { _ in sent[rng.below(sent.count)] } }
      _ = try store.ingest(events, recordedAt: now, source: "test")
      sent += events
    }
    let mismatches = try store.verify()
    #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
  }
}
