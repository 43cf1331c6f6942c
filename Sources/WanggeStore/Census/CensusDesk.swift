import WanggeCore

/// The door-knocking census (敲门行动) as the board and the commands read it: per unit how many
/// households a census task verified, per household its last verification, and per place the share of
/// households verified in the last N days (from a per-day rollup, O(days)).
public protocol CensusDesk: Sendable {
  /// Households of each unit in `units` verified by `task` (units without any are left out).
  func censusVerified(task: Int64, units: [Int64]) throws -> [Int64: Int]
  /// The last verification of each household in `households` that has one.
  func lastCensusChecks(households: [Int64]) throws -> [Int64: CensusCheck]
  /// Households under `place` whose last verification falls within the last `days` days at `now`,
  /// and the households under it.
  func censusShare(of place: Int64, days: Int, at now: Instant) throws -> CensusShare
  /// ``censusShare(of:days:at:)`` for each place in `ids`, read in one snapshot (the board's overview:
  /// a scope and its children). Every id is in the answer; an unknown place has no households.
  func censusShares(of ids: [Int64], days: Int, at now: Instant) throws -> [Int64: CensusShare]
}

/// The share of a place's households verified within a window.
public struct CensusShare: Sendable, Hashable {
  public var verified: Int
  public var households: Int
  public init(verified: Int, households: Int) {
    self.verified = verified
    self.households = households
  }
  /// verified ÷ households; nil without households.
  public var rate: Double? { households > 0 ? Double(verified) / Double(households) : nil }
}
