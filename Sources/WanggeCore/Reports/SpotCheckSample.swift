import Foundation

/// Why a household is likelier to be drawn for a spot check. Add a reason here (returnees and
/// isolation cases when the screening tables arrive) and give it a weight in ``SpotCheckWeights``.
public enum SpotCheckReason: String, Sendable, CaseIterable, Codable {
  case helpCase = "help"
  case isolation
  case returnee
  case flagged
  case vacant
}

/// The draw weights, in one place: a household's weight is the largest of its reasons' (1 with none).
public enum SpotCheckWeights {
  public static let weights: [SpotCheckReason: Double] = [
    .helpCase: 4, .isolation: 4, .returnee: 3, .flagged: 2, .vacant: 2,
  ]

  /// The weight of a household with `reasons`.
  public static func weight(_ reasons: Set<SpotCheckReason>, table: [SpotCheckReason: Double] = weights)
    -> Double
  {
    reasons.map { table[$0] ?? 1 }.max().map { max($0, 1) } ?? 1
  }
}

/// A household that may be drawn.
public struct SpotCheckCandidate: Sendable, Hashable {
  public var householdID: Int64
  public var reasons: Set<SpotCheckReason>
  public init(householdID: Int64, reasons: Set<SpotCheckReason> = []) {
    self.householdID = householdID
    self.reasons = reasons
  }
}

/// A reproducible weighted sample without replacement (Efraimidis–Spirakis: each household gets the
/// key u^(1/w) with u drawn from the seed and its own id, the `count` largest keys win), so the same
/// seed gives the same sample whatever order the candidates come in.
public enum SpotCheckSampler {
  public static func draw(
    _ candidates: [SpotCheckCandidate], count: Int, seed: UInt64,
    weights: [SpotCheckReason: Double] = SpotCheckWeights.weights
  ) -> [SpotCheckCandidate] {
    guard count > 0 else { return [] }
    let keyed = candidates.map { c -> (Double, Int64, SpotCheckCandidate) in
      let u = unit(seed: seed, id: c.householdID)
      let w = SpotCheckWeights.weight(c.reasons, table: weights)
      return (pow(u, 1 / w), c.householdID, c)
    }
    return keyed.sorted { ($0.0, $1.1) > ($1.0, $0.1) }.prefix(count).map(\.2)
  }

  /// A uniform value in (0, 1) from the seed and the household id (splitmix64).
  static func unit(seed: UInt64, id: Int64) -> Double {
    var z = seed &+ UInt64(bitPattern: id) &* 0x9E37_79B9_7F4A_7C15 &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return (Double(z >> 11) + 0.5) * (1.0 / 9_007_199_254_740_992.0)
  }
}

/// The outcome of one spot-check call.
public enum CallOutcome: String, Sendable, CaseIterable, Codable {
  case answered
  case noAnswer = "no_answer"
  case wrongNumber = "wrong_number"
}

/// The answers of an answered call to the standard questions (nil: not asked).
public struct CallAnswers: Sendable, Hashable, Codable {
  /// Knows who their unit leader is?
  public var knowsLeader: Bool?
  /// Got the latest notice?
  public var gotNotice: Bool?
  /// Was the service (delivery, visit) done?
  public var serviceDone: Bool?
  /// Problems they raise (empty: none).
  public var problems: String
  public init(
    knowsLeader: Bool? = nil, gotNotice: Bool? = nil, serviceDone: Bool? = nil, problems: String = ""
  ) {
    self.knowsLeader = knowsLeader
    self.gotNotice = gotNotice
    self.serviceDone = serviceDone
    self.problems = problems
  }

  /// How many questions were asked, and how many answered yes.
  public var asked: Int { [knowsLeader, gotNotice, serviceDone].compactMap { $0 }.count }
  public var yes: Int { [knowsLeader, gotNotice, serviceDone].compactMap { $0 }.filter { $0 }.count }
}
