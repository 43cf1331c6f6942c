import Testing
import WanggeCore

/// The seven assignment states at their exact boundaries, with an injected clock.
struct AssignmentStateTests {
  let issued = InstantFormat.parse("2026-11-22T08:00:00+08:00")!
  var task: GridTask { GridTask(id: 1, type: .screening, title: "排查", scopeID: 1, issuedAt: issued) }
  func at(_ h: Int64, _ m: Int64 = 0, _ s: Int64 = 0) -> Instant {
    issued + Span(seconds: h * 3600 + m * 60 + s)
  }

  @Test func screeningDefaultsAreThreeAndFifteenHours() {
    #expect(task.ackWithin == .hours(3))
    #expect(task.finishWithin == .hours(15))
    #expect(InstantFormat.iso(task.deadlines.ack) == "2026-11-22T11:00:00+08:00")
    #expect(InstantFormat.iso(task.deadlines.finish) == "2026-11-22T23:00:00+08:00")
  }

  @Test func acknowledgementExactlyAtThreeHoursIsOnTimeOneSecondLaterIsLate() {
    let onTime = Assignment(taskID: 1, unitID: 9, ackedAt: at(3))
    let late = Assignment(taskID: 1, unitID: 9, ackedAt: at(3, 0, 1))
    #expect(onTime.state(at: at(4), deadlines: task.deadlines) == .acknowledgedOnTime)
    #expect(late.state(at: at(4), deadlines: task.deadlines) == .acknowledgedLate)
  }

  @Test func pendingUntilTheDeadlineSecondThenOverdue() {
    let a = Assignment(taskID: 1, unitID: 9)
    #expect(a.state(at: at(0), deadlines: task.deadlines) == .pending)
    #expect(a.state(at: at(3), deadlines: task.deadlines) == .pending)
    #expect(a.state(at: at(3, 0, 1), deadlines: task.deadlines) == .acknowledgementOverdue)
    #expect(a.state(at: at(15), deadlines: task.deadlines) == .acknowledgementOverdue)
    #expect(a.state(at: at(15, 0, 1), deadlines: task.deadlines) == .finishOverdue)
  }

  @Test func finishExactlyAtFifteenHoursIsOnTimeOneSecondLaterIsLate() {
    let onTime = Assignment(taskID: 1, unitID: 9, ackedAt: at(1), finishedAt: at(15))
    let late = Assignment(taskID: 1, unitID: 9, ackedAt: at(1), finishedAt: at(15, 0, 1))
    #expect(onTime.state(at: at(20), deadlines: task.deadlines) == .finishedOnTime)
    #expect(late.state(at: at(20), deadlines: task.deadlines) == .finishedLate)
  }

  @Test func acknowledgedButUnfinishedBecomesFinishOverdue() {
    let a = Assignment(taskID: 1, unitID: 9, ackedAt: at(1))
    #expect(a.state(at: at(15), deadlines: task.deadlines) == .acknowledgedOnTime)
    #expect(a.state(at: at(15, 0, 1), deadlines: task.deadlines) == .finishOverdue)
  }

  @Test func eventsLaterThanTheClockAreNotYetKnown() {
    let a = Assignment(taskID: 1, unitID: 9, ackedAt: at(2), finishedAt: at(10))
    #expect(a.state(at: at(1), deadlines: task.deadlines) == .pending)
    #expect(a.state(at: at(5), deadlines: task.deadlines) == .acknowledgedOnTime)
    #expect(a.state(at: at(10), deadlines: task.deadlines) == .finishedOnTime)
  }

  @Test func everyStateIsReachable() {
    let d = task.deadlines
    var seen = Set<AssignmentState>()
    for ack in [nil, at(1), at(4)] as [Instant?] {
      for fin in [nil, at(10), at(16)] as [Instant?] {
        for now in [at(2), at(5), at(20)] {
          seen.insert(AssignmentState.derive(ackedAt: ack, finishedAt: fin, now: now, deadlines: d))
        }
      }
    }
    #expect(seen == Set(AssignmentState.allCases))
  }

  @Test func tallyCountsOverdueOnlyAfterDeadlines() {
    var t = TaskTally()
    t.count(Assignment(taskID: 1, unitID: 1, ackedAt: at(3)), deadlines: task.deadlines)
    t.count(Assignment(taskID: 1, unitID: 2, ackedAt: at(3, 0, 1)), deadlines: task.deadlines)
    t.count(Assignment(taskID: 1, unitID: 3), deadlines: task.deadlines)
    t.count(Assignment(taskID: 1, unitID: 4, finishedAt: at(2)), deadlines: task.deadlines)
    #expect(t.assigned == 4)
    #expect(t.acknowledged == 3)
    #expect(t.acknowledgedOnTime == 2)
    #expect(t.finished == 1)
    #expect(t.acknowledgementsOverdue(at: at(3), deadlines: task.deadlines) == 0)
    #expect(t.acknowledgementsOverdue(at: at(3, 0, 1), deadlines: task.deadlines) == 1)
    #expect(t.finishesOverdue(at: at(15), deadlines: task.deadlines) == 0)
    #expect(t.finishesOverdue(at: at(15, 0, 1), deadlines: task.deadlines) == 3)
    var f = PlaceFigures()
    f.add(t, deadlines: task.deadlines, at: at(16))
    #expect(f.responseRate == 0.5)
    #expect(f.completionRate == 0.25)
    #expect(f.acknowledgedLate == 1)
  }
}
