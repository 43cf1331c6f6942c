import Testing

@testable import WanggeCore

/// The merge rule: earliest wins, a finish is an acknowledgement, on time to the second, and the tally
/// delta always equals recounting the assignment before and after.
struct AssignmentMergeTests {
  let issued = Instant(epochSeconds: 1_795_000_000)
  var deadlines: Deadlines { Deadlines(ack: issued + .hours(3), finish: issued + .hours(15)) }

  @Test func theFirstAcknowledgementOnTheDeadlineIsOnTimeAndOneSecondLaterIsLate() {
    let exact = AssignmentMerge.merge(
      ackedAt: nil, finishedAt: nil, event: deadlines.ack, finishes: false, deadlines: deadlines)
    #expect(exact.delta == TaskTally(acknowledged: 1, acknowledgedOnTime: 1))
    #expect(exact.changed && !exact.finishChanged)
    let late = AssignmentMerge.merge(
      ackedAt: nil, finishedAt: nil, event: deadlines.ack + Span(seconds: 1), finishes: false,
      deadlines: deadlines)
    #expect(late.delta == TaskTally(acknowledged: 1, acknowledgedOnTime: 0))
  }

  @Test func anEarlierAcknowledgementReplacesALateOneAndALaterOneChangesNothing() {
    let lateAck = deadlines.ack + .hours(1)
    let earlier = AssignmentMerge.merge(
      ackedAt: lateAck, finishedAt: nil, event: issued + .hours(1), finishes: false, deadlines: deadlines)
    #expect(earlier.ackedAt == issued + .hours(1))
    #expect(earlier.delta == TaskTally(acknowledged: 0, acknowledgedOnTime: 1))
    let later = AssignmentMerge.merge(
      ackedAt: issued + .hours(1), finishedAt: nil, event: lateAck, finishes: false, deadlines: deadlines)
    #expect(!later.changed)
    #expect(later.delta == TaskTally())
  }

  @Test func aFinishIsAlsoAnAcknowledgement() {
    let done = AssignmentMerge.merge(
      ackedAt: nil, finishedAt: nil, event: issued + .hours(2), finishes: true, deadlines: deadlines)
    #expect(done.ackedAt == issued + .hours(2) && done.finishedAt == issued + .hours(2))
    #expect(done.delta == TaskTally(acknowledged: 1, acknowledgedOnTime: 1, finished: 1, finishedOnTime: 1))
    #expect(done.finishChanged)
  }

  /// Property: for any sequence of events in any order, the final times are the earliest ones and the
  /// summed deltas equal the tally of the final assignment.
  @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
  func deltasSumToTheRecountInAnyOrder(seed: UInt64) {
    var state = seed
    func next() -> Int64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int64(truncatingIfNeeded: state >> 33)
    }
    var ack: Instant?
    var finish: Instant?
    var sum = TaskTally(assigned: 1)
    var earliestAck: Instant?
    var earliestFinish: Instant?
    for _ in 0..<(1 + Int(next() % 12)) {
      let at = issued + Span(seconds: next() % (20 * 3600))
      let finishes = next() % 3 == 0
      let out = AssignmentMerge.merge(
        ackedAt: ack, finishedAt: finish, event: at, finishes: finishes, deadlines: deadlines)
      ack = out.ackedAt
      finish = out.finishedAt
      sum.add(out.delta)
      earliestAck = min(earliestAck ?? at, at)
      if finishes { earliestFinish = min(earliestFinish ?? at, at) }
    }
    #expect(ack == earliestAck && finish == earliestFinish)
    var recount = TaskTally()
    recount.count(Assignment(taskID: 1, unitID: 1, ackedAt: ack, finishedAt: finish), deadlines: deadlines)
    #expect(sum == recount)
  }
}
