/// How a household can be reached (对接): in the unit's chat group, by phone only, or not yet.
public enum Reachability: Int, Sendable, CaseIterable, Codable {
  case notReached = 0
  case phoneOnly = 1
  case inGroup = 2

  /// The word used in events and JSON: `none`, `phone`, `group`.
  public var code: String {
    switch self {
    case .notReached: "none"
    case .phoneOnly: "phone"
    case .inGroup: "group"
    }
  }

  public init?(code: String) {
    guard let match = Self.allCases.first(where: { $0.code == code }) else { return nil }
    self = match
  }

  public var isReached: Bool { self != .notReached }
}

/// Why a household needs care; several may apply.
public struct VulnerabilityFlags: OptionSet, Hashable, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// 独居老人 — elderly living alone.
  public static let elderlyAlone = VulnerabilityFlags(rawValue: 1)
  /// 无智能手机 — no smartphone.
  public static let noSmartphone = VulnerabilityFlags(rawValue: 2)
  /// 残疾/慢病 — disabled or chronically ill.
  public static let disabledOrChronic = VulnerabilityFlags(rawValue: 4)
  /// 长期空置 — long-term vacant.
  public static let longVacant = VulnerabilityFlags(rawValue: 8)
  /// 居家隔离 — under home isolation.
  public static let homeIsolation = VulnerabilityFlags(rawValue: 16)

  /// Every flag with its event/JSON code.
  public static let codes: [(VulnerabilityFlags, String)] = [
    (.elderlyAlone, "elderly_alone"), (.noSmartphone, "no_smartphone"),
    (.disabledOrChronic, "disabled_chronic"), (.longVacant, "vacant"), (.homeIsolation, "isolation"),
  ]

  /// The codes of the flags that are set, in a fixed order.
  public var codeList: [String] { Self.codes.filter { contains($0.0) }.map(\.1) }
}

/// One household (户) of a unit. Personal data: names and phones are never logged.
public struct Household: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var unitID: Int64
  /// Room label such as `1201`.
  public var room: String
  public var headName: String
  public var phone: String
  /// Number of people living there.
  public var size: Int
  public var reach: Reachability
  public var flags: VulnerabilityFlags
  public init(
    id: Int64, unitID: Int64, room: String, headName: String, phone: String, size: Int,
    reach: Reachability, flags: VulnerabilityFlags
  ) {
    self.id = id
    self.unitID = unitID
    self.room = room
    self.headName = headName
    self.phone = phone
    self.size = size
    self.reach = reach
    self.flags = flags
  }
}

/// What a unit's coverage looks like: is the group built, how many households are reached.
public struct UnitCoverage: Hashable, Sendable {
  public var groupBuilt: Bool
  public var households: Int
  public var reachedInGroup: Int
  public var reachedByPhone: Int
  public init(groupBuilt: Bool, households: Int, reachedInGroup: Int, reachedByPhone: Int) {
    self.groupBuilt = groupBuilt
    self.households = households
    self.reachedInGroup = reachedInGroup
    self.reachedByPhone = reachedByPhone
  }
  public var notReached: Int { households - reachedInGroup - reachedByPhone }
}
