import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Help visits with an outcome through the contract, on every engine: the outcome and needs are kept
/// and shown with the help case; an unanswered visit (不在家/电话未接) leaves the due clock running,
/// a seen one restarts it, judged at ±1 s around the deadline in every ancestor; `verify` stays clean.
@Suite struct VisitConformanceTests {
  struct Case {
    var household: Int64
    var due: Instant
    var cadence: Span
    var chain: [Int64]
  }

  func target(_ store: any GridStore) throws -> Case {
    let root = try store.root()
    let row = try #require(
      store.helpCases(under: root.id, filter: HelpFilter(), limit: 50).rows.first {
        !$0.helpCase.greenChannel
      })
    var chain = [row.unitID]
    while let p = try store.place(id: chain.last!)?.parentID { chain.append(p) }
    return Case(
      household: row.helpCase.householdID, due: row.helpCase.dueAt, cadence: row.helpCase.cadence,
      chain: chain)
  }

  func row(_ store: any GridStore, _ c: Case) throws -> HelpCaseRow {
    try #require(
      store.helpCases(under: c.chain[0], filter: HelpFilter(), limit: 500).rows.first {
        $0.helpCase.householdID == c.household
      })
  }

  func overdue(_ store: any GridStore, _ c: Case, at: Instant) throws -> [Int] {
    let f = try store.figures(for: c.chain, at: at, window: .hours(24))
    return c.chain.map { f[$0]?.helpOverdue ?? 0 }
  }

  @Test(arguments: ConformanceEngine.all)
  func unansweredVisitKeepsTheClockSeenVisitRestartsIt(_ e: ConformanceEngine) throws {
    let store = try e.store()
    let c = try target(store)
    let visitAt = c.due - .minutes(10)
    let recorded = visitAt + .minutes(1)
    let before = try overdue(store, c, at: c.due + Span(seconds: 1))
    let needs = [VisitNeed(kind: .medicine, items: "降压药 2盒"), VisitNeed(kind: .purchase, items: "米 油")]
    _ = try store.ingest(
      [
        GridEvent(
          id: "v-1", at: visitAt, kind: .visited(household: c.household, outcome: .notHome, needs: needs))
      ],
      recordedAt: recorded, source: "test")
    let r = try row(store, c)
    #expect(r.lastNote == VisitNote(at: visitAt, outcome: .notHome, needs: needs))
    #expect(r.helpCase.dueAt == c.due, "不在家 does not count as the visit done")
    // The same id with the same content changes nothing.
    let again = try store.ingest(
      [
        GridEvent(
          id: "v-1", at: visitAt, kind: .visited(household: c.household, outcome: .notHome, needs: needs))
      ],
      recordedAt: recorded, source: "test")
    #expect(again.applied == 0)
    #expect(try overdue(store, c, at: c.due) == (try overdue(store, c, at: c.due - Span(seconds: 1))))
    #expect(try overdue(store, c, at: c.due + Span(seconds: 1)) == before, "still overdue one second after")
    #expect(try store.verify() == [])

    let seenAt = visitAt + .minutes(5)
    _ = try store.ingest(
      [GridEvent(id: "v-2", at: seenAt, kind: .visited(household: c.household, outcome: .seen))],
      recordedAt: recorded + .minutes(5), source: "test")
    let seen = try row(store, c)
    #expect(seen.lastNote?.outcome == .seen && seen.lastNote?.needs == [])
    #expect(seen.helpCase.dueAt == seenAt + c.cadence)
    let after = try overdue(store, c, at: c.due + Span(seconds: 1))
    for i in c.chain.indices {
      #expect(after[i] == before[i] - 1, "the seen visit is no longer overdue in place \(c.chain[i])")
    }
    let newDue = seenAt + c.cadence
    let atNew = try overdue(store, c, at: newDue)
    let pastNew = try overdue(store, c, at: newDue + Span(seconds: 1))
    #expect(pastNew[0] >= atNew[0] + 1, "overdue again one second past the new due time")
    #expect(try store.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all)
  func unknownOutcomeIsRefusedNamingTheFieldAndStoreUnchanged(_ e: ConformanceEngine) throws {
    let line = #"{"id":"v-9","type":"visit","at":"2026-11-22T20:00:00+08:00","household":5,"outcome":"gone"}"#
    guard case .failure(let p) = EventLineParser.parse(Substring(line)) else {
      Issue.record("an unknown outcome was accepted")
      return
    }
    #expect(p.field == "outcome" && p.problem.contains("not_home/不在家"))
    let badNeed =
      #"{"id":"v-9","type":"visit","at":"2026-11-22T20:00:00+08:00","household":5,"needs":[{"kind":"rice","items":"米"}]}"#
    guard case .failure(let q) = EventLineParser.parse(Substring(badNeed)) else {
      Issue.record("an unknown need kind was accepted")
      return
    }
    #expect(q.field == "needs.kind")
    // An old visit line (no outcome) still parses as a seen visit.
    let old = #"{"id":"v-8","type":"visit","at":"2026-11-22T20:00:00+08:00","household":5}"#
    #expect(try EventLineParser.parse(Substring(old)).get().kind == .visited(household: 5))
    let store = try e.store()
    let c = try target(store)
    _ = try store.ingest(
      [
        GridEvent(
          id: "v-3", at: c.due - .minutes(1), kind: .visited(household: c.household, outcome: .noAnswer))
      ],
      recordedAt: c.due, source: "test")
    #expect(try row(store, c).helpCase.dueAt == c.due, "电话未接 leaves the due time")
  }
}
