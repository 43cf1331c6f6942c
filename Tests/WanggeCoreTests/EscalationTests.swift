import Testing
import WanggeCore

/// Escalation steps to the second, with an injected clock.
@Suite struct EscalationTests {
  let issued = InstantFormat.parse("2026-11-22T08:00:00+08:00")!
  var deadlines: Deadlines { Deadlines(ack: issued + .hours(3), finish: issued + .hours(15)) }
  let policy = EscalationPolicy.standard(for: .screening)

  @Test func aMissingAcknowledgementClimbsAtTheDeadlinePlusOneHourPlusThreeHours() {
    let ack = deadlines.ack
    #expect(policy.level(deadline: ack, at: ack) == .unitLeader, "exactly at the deadline is still on time")
    #expect(policy.level(deadline: ack, at: ack + Span(seconds: 1)) == .squadLeader)
    #expect(policy.level(deadline: ack, at: ack + .hours(1)) == .squadLeader)
    #expect(policy.level(deadline: ack, at: ack + .hours(1) + Span(seconds: 1)) == .departmentAndStation)
    #expect(policy.level(deadline: ack, at: ack + .hours(3)) == .departmentAndStation)
    #expect(policy.level(deadline: ack, at: ack + .hours(3) + Span(seconds: 1)) == .community)
    #expect(policy.level(deadline: ack, at: ack + .days(2)) == .community)
  }

  @Test func aTaskEscalatesOnlyForWhatIsStillMissing() {
    let now = deadlines.ack + .hours(2)
    var tally = TaskTally(assigned: 10, acknowledged: 10, acknowledgedOnTime: 9)
    #expect(policy.level(of: tally, deadlines: deadlines, at: now) == .unitLeader, "all acknowledged")
    tally.acknowledged = 9
    #expect(policy.level(of: tally, deadlines: deadlines, at: now) == .departmentAndStation)
    tally = TaskTally(assigned: 10, acknowledged: 10, acknowledgedOnTime: 10, finished: 9, finishedOnTime: 9)
    #expect(policy.level(of: tally, deadlines: deadlines, at: deadlines.finish) == .unitLeader)
    #expect(
      policy.level(of: tally, deadlines: deadlines, at: deadlines.finish + Span(seconds: 1)) == .squadLeader)
  }

  @Test func noticesEscalateFasterThanVisitRounds() {
    let late = deadlines.ack + .minutes(45)
    #expect(
      EscalationPolicy.standard(for: .notice).level(deadline: deadlines.ack, at: late)
        == .departmentAndStation)
    #expect(
      EscalationPolicy.standard(for: .visitRound).level(deadline: deadlines.ack, at: late) == .squadLeader)
  }

  @Test func nextStepCountsDownToTheSecond() {
    let ack = deadlines.ack
    #expect(policy.nextStep(deadline: ack, at: ack) == ack + Span(seconds: 1))
    #expect(policy.nextStep(deadline: ack, at: ack + Span(seconds: 1)) == ack + .hours(1) + Span(seconds: 1))
    #expect(policy.nextStep(deadline: ack, at: ack + .hours(5)) == nil)
  }

  @Test func theLifecycleOfOneAssignmentAtEachBoundary() {
    let d = deadlines
    var a = Assignment(taskID: 1, unitID: 2)
    #expect(a.state(at: d.ack, deadlines: d) == .pending)
    #expect(a.state(at: d.ack + Span(seconds: 1), deadlines: d) == .acknowledgementOverdue)
    a.ackedAt = d.ack + Span(seconds: 1)
    #expect(a.state(at: d.ack + Span(seconds: 1), deadlines: d) == .acknowledgedLate)
    #expect(a.state(at: d.finish + Span(seconds: 1), deadlines: d) == .finishOverdue)
    a.finishedAt = d.finish
    #expect(a.state(at: d.finish + .hours(1), deadlines: d) == .finishedOnTime)
  }
}
