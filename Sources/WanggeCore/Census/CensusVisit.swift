/// 核实居住情况 — what a door-knocking census (敲门行动) found a household's residency to be.
public enum CensusResidency: Int, Sendable, Hashable, CaseIterable, Codable {
  /// 常住 — lives here.
  case resident = 1
  /// 暂住 — stays here for now.
  case temporary = 2
  /// 长期无人 — nobody lives here for a long time.
  case vacant = 3

  /// The event/JSON code.
  public var code: String {
    switch self {
    case .resident: "resident"
    case .temporary: "temporary"
    case .vacant: "vacant"
    }
  }

  /// The ledger word.
  public var chineseName: String {
    switch self {
    case .resident: "常住"
    case .temporary: "暂住"
    case .vacant: "长期无人"
    }
  }

  /// Reads a code or its Chinese word.
  public init?(text: String) {
    guard let r = Self.allCases.first(where: { $0.code == text || $0.chineseName == text }) else {
      return nil
    }
    self = r
  }
}

/// One household's line of a census finish: its room, the residency verified, the people found at
/// home and the flags found.
public struct CensusVisit: Sendable, Hashable {
  public var room: String
  public var residency: CensusResidency
  public var present: Int
  public var flags: VulnerabilityFlags
  public init(room: String, residency: CensusResidency, present: Int, flags: VulnerabilityFlags = []) {
    self.room = room
    self.residency = residency
    self.present = present
    self.flags = flags
  }
}

/// What a unit leader verified when finishing a census assignment: who knocked, and one line per
/// household visited.
public struct CensusResult: Sendable, Hashable {
  public var by: String?
  public var visits: [CensusVisit]
  public init(by: String? = nil, visits: [CensusVisit]) {
    self.by = by
    self.visits = visits
  }
}

/// The last verification of one household, as the household view shows it.
public struct CensusCheck: Sendable, Hashable {
  public var householdID: Int64
  public var taskID: Int64
  public var at: Instant
  public var by: String
  public var residency: CensusResidency
  public var present: Int
  public var flags: VulnerabilityFlags
  public init(
    householdID: Int64, taskID: Int64, at: Instant, by: String, residency: CensusResidency, present: Int,
    flags: VulnerabilityFlags
  ) {
    self.householdID = householdID
    self.taskID = taskID
    self.at = at
    self.by = by
    self.residency = residency
    self.present = present
    self.flags = flags
  }
}

/// Calendar days for the census' per-day rollup: days since the epoch in China Standard Time
/// (UTC+8, the board's clock), so a day runs from 00:00 to 24:00 local time.
public enum CensusDay {
  /// The offset of the census' days from UTC, in seconds.
  public static let offset: Int64 = 8 * 3_600
  public static func of(_ at: Instant) -> Int64 {
    let s = at.epochSeconds + offset
    return s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
  }
  /// The days counted by "verified in the last `days` days" at `now`: the `days` days up to today.
  public static func window(days: Int, at now: Instant) -> ClosedRange<Int64> {
    let today = of(now)
    return (today - Int64(max(days, 1)) + 1)...today
  }
}
