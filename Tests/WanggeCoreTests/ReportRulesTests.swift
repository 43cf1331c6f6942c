import Foundation
import Testing
import WanggeCore

/// The report rules to the second, the state machine, the score formula and the spot-check sampler.
@Suite struct ReportRulesTests {
  let t0 = Instant(epochSeconds: 1_795_000_000)

  @Test func lateIsMoreThanTheAllowedDelayToTheSecond() {
    let r = ReportRules.standard
    #expect(!r.isLate(happened: t0, filed: t0 + .minutes(30), severity: .critical))
    #expect(!r.isLate(happened: t0, filed: t0 + Span(seconds: 1799), severity: .critical))
    #expect(r.isLate(happened: t0, filed: t0 + Span(seconds: 1801), severity: .critical))
    #expect(r.isLate(happened: t0, filed: t0 + .minutes(31), severity: .critical))
    #expect(!r.isLate(happened: t0, filed: t0 + .minutes(31), severity: .major))
  }

  @Test func stateMachineAllowsOnlyItsSteps() {
    #expect(ReportLifecycle.next(.awaitingAck, .acknowledged, hasParent: true) == .success(.acknowledged))
    #expect(ReportLifecycle.next(.awaitingAck, .passedUp, hasParent: true) == .failure(.notAcknowledged))
    #expect(ReportLifecycle.next(.acknowledged, .passedUp, hasParent: true) == .success(.awaitingAck))
    #expect(ReportLifecycle.next(.acknowledged, .passedUp, hasParent: false) == .failure(.atTop))
    #expect(ReportLifecycle.next(.acknowledged, .closed, hasParent: true) == .success(.closed))
    #expect(ReportLifecycle.next(.closed, .progress, hasParent: true) == .failure(.closed(.progress)))
    #expect(ReportLifecycle.next(.closed, .concealed, hasParent: true) == .success(.closed))
  }

  @Test func scoreIsTheWeightedMeanLessPenalties() {
    var f = StationFigures()
    f.assigned = 10
    f.ackedOnTime = 10
    f.finishedOnTime = 5
    f.households = 100
    f.reached = 100
    f.reportsFiled = 2
    f.late = 1
    f.answersAsked = 4
    f.answersYes = 4
    // rates 1, .5, 1, 1 (no help cases), .5, 1 → (15+7.5+15+15+7.5+25)/100 = 85; −2 for one late.
    #expect(StationScore(f, weights: ScoreWeights()).score == 83)
    f.concealed = 1
    #expect(StationScore(f, weights: ScoreWeights()).score == 68)
    var w = ScoreWeights()
    w.spotCheck = 0
    #expect(w.boundProblem == nil)
    w.ack = -1
    #expect(w.boundProblem != nil)
  }

  @Test func configFileOverridesDefaultsAndNamesBadFields() throws {
    let c = try ReportConfig.parse(
      Data(#"{"file_within":{"1":"10m"},"weights":{"late_penalty":3}}"#.utf8), name: "r.json")
    #expect(c.rules.fileDelay(.critical) == .minutes(10))
    #expect(c.rules.fileDelay(.major) == .hours(1))
    #expect(c.weights.latePenalty == 3)
    #expect(c.weights.ack == 15)
    #expect(throws: ReportConfig.Problem.self) {
      try ReportConfig.parse(Data(#"{"file_within":{"9":"10m"}}"#.utf8), name: "r.json")
    }
  }

  @Test func sampleIsReproducibleAndLeansToWeightedHouseholds() {
    let all = (1...2000).map {
      SpotCheckCandidate(householdID: Int64($0), reasons: $0 % 10 == 0 ? [.helpCase] : [])
    }
    let a = SpotCheckSampler.draw(all, count: 100, seed: 7)
    let b = SpotCheckSampler.draw(all.reversed(), count: 100, seed: 7)
    #expect(a == b)
    #expect(SpotCheckSampler.draw(all, count: 100, seed: 8) != a)
    // 10 % of households are help cases; weighted ×4 they are about 4/13 ≈ 31 % of the draw.
    let help = a.filter { $0.reasons.contains(.helpCase) }.count
    #expect(help >= 20 && help <= 45, "help cases drawn: \(help)")
    let flat = SpotCheckSampler.draw(all, count: 100, seed: 7, weights: [:]).filter {
      $0.reasons.contains(.helpCase)
    }
    #expect(flat.count < 20, "unweighted: \(flat.count)")
  }
}
