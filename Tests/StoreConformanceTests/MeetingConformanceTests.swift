import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Baselines and meeting decisions through the contract, per engine.
@Suite struct MeetingConformanceTests {
  let now = ConformanceEngine.anchor

  /// Every place above the units: the root, its descendants down to the buildings.
  func placesAboveUnits(_ store: any GridStore) throws -> [Place] {
    let unitDepth = try store.levels().names.count - 1
    var out: [Place] = []
    var next = [try store.root()]
    while let p = next.popLast() {
      guard p.depth < unitDepth else { continue }
      out.append(p)
      next += try store.children(of: p.id)
    }
    return out
  }

  @Test(arguments: ConformanceEngine.all)
  func aBaselineKeepsTheFiguresEveryPlaceHadAtItsInstant(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let places = try placesAboveUnits(store)
    let b = try store.markBaseline(name: "早例会", at: now, window: .days(7))
    #expect(b.places == places.count)
    let kept = try store.baselineFigures(b.id, for: places.map(\.id))
    let live = try store.figures(for: places.map(\.id), at: now, window: .days(7))
    #expect(kept.count == places.count)
    for p in places { #expect(kept[p.id] == live[p.id], "\(p.name)") }
    #expect(try store.baselines().map(\.name) == ["早例会"])
    #expect(try store.baseline(named: "早例会").id == b.id)
    #expect(throws: BaselineProblem.self) { try store.baseline(named: "晚例会") }
    #expect(throws: BaselineProblem.self) { try store.markBaseline(name: " ", at: now, window: .days(7)) }
  }

  @Test(arguments: ConformanceEngine.all)
  func theChangeSinceABaselineIsExactlyTheEventsEffect(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let facts = try ContractFacts(store, at: now)
    let root = facts.root
    let b = try store.markBaseline(name: "早例会", at: now, window: .days(7))
    // Acknowledge ten pending assignments of the newest task (inside its ack window: on time).
    let task = try #require(facts.tasks.max { $0.task.id < $1.task.id })
    let pending = try store.assignments(of: task.task.id, under: root.id, at: now, limit: 100_000)
      .filter { $0.state == .pending || $0.state == .acknowledgementOverdue }.prefix(10)
    #expect(pending.count == 10)
    let at = min(now, task.deadlines.ack)
    let events = pending.map {
      GridEvent(
        id: "m-ack-\($0.unitID)", at: at, kind: .acknowledged(task: task.task.id, unit: .id($0.unitID)))
    }
    _ = try store.ingest(Array(events), recordedAt: now, source: "test")
    let then = try #require(try store.baselineFigures(b.id, for: [root.id])[root.id])
    let after = try #require(try store.figures(for: [root.id], at: now, window: .days(7))[root.id])
    let onTime = task.deadlines.ack >= at ? 10 : 0
    #expect(after.acknowledgedOnTime - then.acknowledgedOnTime == onTime)
    #expect(after.acknowledgedLate - then.acknowledgedLate == 10 - onTime)
    #expect(after.assigned == then.assigned)
    #expect(after.households == then.households)
    let change = FigureChange(
      .acknowledgedOnTime, then: Double(then.acknowledgedOnTime), now: Double(after.acknowledgedOnTime))
    #expect(change.delta == Double(onTime))
    // The baseline itself did not move.
    #expect(try store.baselineFigures(b.id, for: [root.id])[root.id] == then)
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func scheduledBaselinesAreMarkedOnceWhenTheClockPassesThem(engine: ConformanceEngine) throws {
    let store = try engine.store()
    // 20:00 anchor: 18:00 today was passed.
    let first = try store.markScheduledBaselines(.standard, at: now, window: .days(7))
    #expect(first.map(\.name) == ["auto 18:00"])
    #expect(first.first?.at == now - Span.hours(2))
    #expect(try store.markScheduledBaselines(.standard, at: now, window: .days(7)).isEmpty)
    // One second before 08:00 next day: nothing; at 08:00: the morning one.
    let eight = now + Span.hours(12)
    #expect(
      try store.markScheduledBaselines(.standard, at: eight - Span(seconds: 1), window: .days(7)).isEmpty)
    #expect(
      try store.markScheduledBaselines(.standard, at: eight, window: .days(7)).map(\.name) == ["auto 08:00"])
  }

  @Test(arguments: ConformanceEngine.all)
  func decisionsAreKeptPerPlaceAndMarkedDone(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let street = try #require(try store.children(of: root.id).first)
    let d = try store.addDecision(
      place: street.id, text: "明早前补齐三个单元的微信群", owner: "第一书记", due: now + Span.hours(12), at: now)
    _ = try store.addDecision(place: root.id, text: "全市通报", owner: "指挥长", due: nil, at: now)
    #expect(try store.decisions(of: street.id, at: now).map(\.text) == ["明早前补齐三个单元的微信群"])
    #expect(try store.decisions(of: street.id, at: now - Span(seconds: 1)).isEmpty)
    #expect(d.state(at: now + Span.hours(12)) == .open)
    #expect(d.state(at: now + Span.hours(12) + Span(seconds: 1)) == .overdue)
    let done = try store.finishDecision(d.id, at: now + Span.hours(1))
    #expect(done.state(at: now + Span.hours(13)) == .done)
    #expect(throws: MeetingError.self) { try store.finishDecision(9_999, at: now) }
    #expect(throws: MeetingInputError.self) {
      try store.addDecision(place: root.id, text: "", owner: "x", due: nil, at: now)
    }
  }
}

/// The duty roster and sign-ins through the contract, per engine.
@Suite struct DutyConformanceTests {
  let now = ConformanceEngine.anchor

  @Test(arguments: ConformanceEngine.all)
  func aShiftWithoutASignInIsEmptyTenMinutesAfterItsStart(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let station = try #require(try store.children(of: try store.root().id).first)
    // 19:45 China time, four hours; the anchor is 20:00.
    let a = try store.addDutyPost(
      DutyPost(
        placeID: station.id, role: "第一书记", person: "张书记", startMinute: 19 * 60 + 45, lengthMinutes: 240))
    let b = try store.addDutyPost(
      DutyPost(placeID: station.id, role: "卡口", person: "李四", startMinute: 19 * 60 + 45, lengthMinutes: 240))
    let start = now - Span(seconds: 900)
    #expect(try store.signDuty(post: a.id, at: start + Span(seconds: 60), eventID: "d-1", signingOut: false))
    #expect(try !store.signDuty(post: a.id, at: start + Span(seconds: 60), eventID: "d-1", signingOut: false))
    let edge = start + DutyPost.grace
    #expect(try store.dutyNow(of: station.id, at: edge).map(\.state) == [.onPost, .awaited])
    #expect(try store.dutyNow(of: station.id, at: edge + Span(seconds: 1)).map(\.state) == [.onPost, .empty])
    #expect(
      try store.dutyNow(of: station.id, at: start - Span(seconds: 1)).map(\.state) == [.offShift, .offShift])
    #expect(try store.dutyRoster(of: station.id).map(\.id) == [a.id, b.id])
    #expect(throws: MeetingInputError.self) {
      try store.signDuty(post: 999, at: now, eventID: "d-x", signingOut: false)
    }
  }
}
