/// A station's measured figures over a period, the inputs of its score.
public struct StationFigures: Sendable, Hashable, Codable {
  /// Assignments of tasks issued in the period, and how many were acknowledged / finished on time.
  public var assigned = 0
  public var ackedOnTime = 0
  public var finishedOnTime = 0
  /// Households, and how many are reached (in the group or by phone).
  public var households = 0
  public var reached = 0
  /// Help cases, and how many are overdue for a visit at the end of the period.
  public var helpCases = 0
  public var overdueVisits = 0
  /// Reports the station filed in the period, and how many of them late (迟报).
  public var reportsFiled = 0
  public var late = 0
  /// Incidents of the period learnt another way with no station report once the delay passed (漏报),
  /// and incidents marked concealed (瞒报).
  public var missed = 0
  public var concealed = 0
  /// Reports handed up whose acknowledgement came after its window (not the station's fault: shown,
  /// weighted 0 by default).
  public var escalated = 0
  /// Spot-check calls of the period answered, and the answers that were "yes" out of those asked
  /// (knows the unit leader, got the latest notice, service done).
  public var callsAnswered = 0
  public var callsUnreachable = 0
  public var answersYes = 0
  public var answersAsked = 0
  /// Supervision contacts overdue at the end of the period for the station's community.
  public var overdueContacts = 0
  public init() {}
}

/// The weights of the score (read from a JSON config file; every field optional).
///
/// Defaults (README → Reports): rates ack 15, finish 15, coverage 15, visits 15, timeliness 15,
/// spot check 25 (score = 100 × weighted mean of the rates); penalties per count: late 2, missed 5,
/// concealed 15, escalated 0, overdue contact 0; the score is floored at 0.
public struct ScoreWeights: Sendable, Hashable, Codable {
  public var ack = 15.0
  public var finish = 15.0
  public var coverage = 15.0
  public var visits = 15.0
  public var timeliness = 15.0
  public var spotCheck = 25.0
  public var latePenalty = 2.0
  public var missedPenalty = 5.0
  public var concealedPenalty = 15.0
  public var escalatedPenalty = 0.0
  public var overdueContactPenalty = 0.0
  public init() {}

  enum CodingKeys: String, CodingKey {
    case ack, finish, coverage, visits, timeliness
    case spotCheck = "spot_check"
    case latePenalty = "late_penalty"
    case missedPenalty = "missed_penalty"
    case concealedPenalty = "concealed_penalty"
    case escalatedPenalty = "escalated_penalty"
    case overdueContactPenalty = "overdue_contact_penalty"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = ScoreWeights.init()
    func v(_ k: CodingKeys, _ def: Double) throws -> Double {
      try c.decodeIfPresent(Double.self, forKey: k) ?? def
    }
    ack = try v(.ack, d.ack)
    finish = try v(.finish, d.finish)
    coverage = try v(.coverage, d.coverage)
    visits = try v(.visits, d.visits)
    timeliness = try v(.timeliness, d.timeliness)
    spotCheck = try v(.spotCheck, d.spotCheck)
    latePenalty = try v(.latePenalty, d.latePenalty)
    missedPenalty = try v(.missedPenalty, d.missedPenalty)
    concealedPenalty = try v(.concealedPenalty, d.concealedPenalty)
    escalatedPenalty = try v(.escalatedPenalty, d.escalatedPenalty)
    overdueContactPenalty = try v(.overdueContactPenalty, d.overdueContactPenalty)
  }

  /// The first weight out of bounds (negative, not finite, over 1000, or all rate weights 0).
  public var boundProblem: String? {
    let all: [(String, Double)] = [
      ("ack", ack), ("finish", finish), ("coverage", coverage), ("visits", visits),
      ("timeliness", timeliness),
      ("spot_check", spotCheck), ("late_penalty", latePenalty), ("missed_penalty", missedPenalty),
      ("concealed_penalty", concealedPenalty), ("escalated_penalty", escalatedPenalty),
      ("overdue_contact_penalty", overdueContactPenalty),
    ]
    for (name, w) in all where !w.isFinite || w < 0 || w > 1000 {
      return "\(name): \(w) is not a weight in 0…1000"
    }
    if ack + finish + coverage + visits + timeliness + spotCheck <= 0 {
      return "the rate weights (ack … spot_check) are all 0; give at least one a weight"
    }
    return nil
  }
}

/// A station's score and the parts it is made of (what `e` explains).
public struct StationScore: Sendable, Hashable, Codable {
  /// One rate of the score: its value in 0…1, the numerator and denominator behind it, its weight.
  public struct Part: Sendable, Hashable, Codable {
    public var name: String
    public var rate: Double
    public var numerator: Int
    public var denominator: Int
    public var weight: Double
  }
  /// One penalty: the count and the points per count.
  public struct Penalty: Sendable, Hashable, Codable {
    public var name: String
    public var count: Int
    public var points: Double
  }
  public var score: Double
  public var parts: [Part]
  public var penalties: [Penalty]

  /// score = max(0, 100 × Σ wᵢ·rᵢ / Σ wᵢ − Σ countⱼ·pointsⱼ). A rate with no denominator counts as 1
  /// (nothing to do, nothing done late).
  public init(_ f: StationFigures, weights w: ScoreWeights) {
    func part(_ name: String, _ n: Int, _ d: Int, _ weight: Double, invert: Bool = false) -> Part {
      let r = d > 0 ? Double(n) / Double(d) : (invert ? 0 : 1)
      return Part(
        name: name, rate: invert ? max(0, 1 - r) : r, numerator: n, denominator: d, weight: weight)
    }
    parts = [
      part("ack_on_time", f.ackedOnTime, f.assigned, w.ack),
      part("finish_on_time", f.finishedOnTime, f.assigned, w.finish),
      part("coverage", f.reached, f.households, w.coverage),
      part("visits_on_time", f.overdueVisits, f.helpCases, w.visits, invert: true),
      part("report_timeliness", f.reportsFiled - f.late, f.reportsFiled, w.timeliness),
      part("spot_check", f.answersYes, f.answersAsked, w.spotCheck),
    ]
    penalties = [
      Penalty(name: "late", count: f.late, points: w.latePenalty),
      Penalty(name: "missed", count: f.missed, points: w.missedPenalty),
      Penalty(name: "concealed", count: f.concealed, points: w.concealedPenalty),
      Penalty(name: "escalated", count: f.escalated, points: w.escalatedPenalty),
      Penalty(name: "overdue_contacts", count: f.overdueContacts, points: w.overdueContactPenalty),
    ]
    let total = parts.reduce(0) { $0 + $1.weight }
    let mean = total > 0 ? parts.reduce(0) { $0 + $1.weight * $1.rate } / total : 0
    let minus = penalties.reduce(0) { $0 + Double($1.count) * $1.points }
    score = max(0, (100 * mean - minus) * 10).rounded() / 10
  }
}
