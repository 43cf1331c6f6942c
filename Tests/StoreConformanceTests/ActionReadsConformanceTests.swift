import Foundation
import Testing
import WanggeCore
import WanggeStore

/// The action queue's bounded reads (`overdueAssignments`, `urgentHelp`) answer what the full reads
/// they stand for answer, cut at their limits, per engine.
@Suite struct ActionReadsConformanceTests {
  let now = ConformanceEngine.anchor

  /// The full read's overdue assignments of `task` at `at`: the first `limit` by unit id, most late first.
  func expectedOverdue(_ store: any GridStore, task: Int64, at: Instant, limit: Int) throws
    -> [AssignmentDetail]
  {
    let all = try store.assignments(of: task, under: try store.root().id, at: at, limit: 1_000_000)
      .filter(\.state.isOverdue).sorted { $0.unitID < $1.unitID }
    return Array(all.prefix(limit)).sorted {
      $0.lateBy != $1.lateBy ? $0.lateBy > $1.lateBy : $0.unitID < $1.unitID
    }
  }

  @Test(arguments: ConformanceEngine.all)
  func overdueAssignmentsAreTheFullReadsOverdueOnesCutAtTheLimit(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let street = try #require(try store.children(of: root.id).first)
    let receipt = try store.dispatch(
      DispatchRequest(
        scopeID: street.id, type: .screening, title: "超时一致性", ackWithin: .hours(3), finishWithin: .hours(15),
        operatorName: "测试", issuedAt: now))
    let units = try store.assignments(of: receipt.taskID, under: root.id, at: now, limit: 1_000_000)
      .map(\.unitID).sorted()
    try #require(units.count >= 12, "the tiny demo's street has units enough")
    // Every third unit acknowledges within the hour, the first two finish at 2 h; unit 5 finishes only
    // at 20 h (so earlier it is still open), unit 7 acknowledges only at 5 h (late).
    var events: [GridEvent] = []
    for (i, unit) in units.enumerated() where i % 3 == 0 {
      events.append(
        GridEvent(
          id: "ack-\(unit)", at: now + .minutes(30),
          kind: .acknowledged(task: receipt.taskID, unit: .id(unit))))
    }
    for unit in units.prefix(2) {
      events.append(
        GridEvent(
          id: "fin-\(unit)", at: now + .hours(2),
          kind: .finished(task: receipt.taskID, unit: .id(unit), result: nil)))
    }
    events.append(
      GridEvent(
        id: "fin-late", at: now + .hours(20),
        kind: .finished(task: receipt.taskID, unit: .id(units[5]), result: nil)))
    events.append(
      GridEvent(
        id: "ack-late", at: now + .hours(5), kind: .acknowledged(task: receipt.taskID, unit: .id(units[7]))))
    _ = try store.ingest(events, recordedAt: now + .hours(21), source: "test")
    var seen = 0
    for at in [
      now + .hours(1), now + .hours(3), now + .hours(3) + Span(seconds: 1), now + .hours(4),
      now + .hours(6), now + .hours(15) + Span(seconds: 1), now + .hours(16), now + .hours(21),
    ] {
      for limit in [1, 3, 10, 1_000] {
        let got = try store.overdueAssignments(of: receipt.taskID, at: at, limit: limit)
        let want = try expectedOverdue(store, task: receipt.taskID, at: at, limit: limit)
        #expect(got == want, "at \(InstantFormat.iso(at)) limit \(limit)")
        #expect(got.count <= limit)
        seen += got.count
      }
    }
    #expect(
      try store.overdueAssignments(of: receipt.taskID, at: now + .hours(1), limit: 50).isEmpty,
      "nothing is overdue before the acknowledge deadline")
    let afterFinish = try store.overdueAssignments(of: receipt.taskID, at: now + .hours(16), limit: 1_000)
    #expect(
      afterFinish.contains { $0.unitID == units[5] }, "a finish recorded for later still counts as open")
    #expect(afterFinish.allSatisfy { $0.state == .finishOverdue })
    #expect(throws: TaskDeskError.self, "an unknown task is refused alike by every engine") {
      try store.overdueAssignments(of: receipt.taskID + 1_000, at: now + .hours(16), limit: 5)
    }
    #expect(seen > 0)
  }

  @Test(arguments: ConformanceEngine.all)
  func urgentHelpIsTheHelpPagesGreenChannelsThenItsLateVisits(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let page = try store.helpCases(under: root.id, filter: HelpFilter(), limit: 1_000_000).rows
    let plain = page.filter { !$0.helpCase.greenChannel }
    try #require(plain.count >= 4, "the tiny demo has help cases")
    for (i, row) in plain.prefix(2).enumerated() {
      _ = try store.openGreen(
        GreenOpenRequest(
          id: "urgent-\(i)", householdID: row.helpCase.householdID, kind: .medicine, raisedBy: "网格员", at: now,
          source: "test"))
    }
    var scopes = [root]
    while let last = scopes.last, let child = try store.children(of: last.id).first { scopes.append(child) }
    var seen = 0
    for scope in scopes {
      let rows = try store.helpCases(under: scope.id, filter: HelpFilter(), limit: 1_000_000).rows
      for at in [now, now + .days(3), now + .days(30)] {
        for (green, late) in [(0, 5), (1, 0), (5, 5), (100, 100)] {
          let want =
            (Array(rows.filter(\.helpCase.greenChannel).prefix(green))
            + Array(
              rows.filter { !$0.helpCase.greenChannel && at.since($0.helpCase.dueAt).seconds > 0 }.prefix(
                late))).map { row in
              var bare = row
              bare.lastNote = nil  // the queue shows no note, so urgentHelp reads none
              return bare
            }
          let got = try store.urgentHelp(under: scope.id, at: at, green: green, late: late)
          #expect(got == want, "\(scope.name) at \(InstantFormat.iso(at)) green \(green) late \(late)")
          seen += got.count
        }
      }
    }
    let greens = page.filter(\.helpCase.greenChannel).count + 2
    #expect(try store.urgentHelp(under: root.id, at: now, green: 5, late: 0).count == min(5, greens))
    #expect(seen > 0)
  }
}
