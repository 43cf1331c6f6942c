/// The clock-free counters kept per place in `place_stats`, summed over its subtree.
public struct PlaceStats: Hashable, Sendable {
  public var households: Int64 = 0
  public var people: Int64 = 0
  public var units: Int64 = 0
  public var leaders: Int64 = 0
  public var stations: Int64 = 0
  public var groupsBuilt: Int64 = 0
  public var reachedGroup: Int64 = 0
  public var reachedPhone: Int64 = 0
  public var helpCases: Int64 = 0
  public var greenOpen: Int64 = 0

  public static let columns = [
    "households", "people", "units", "leaders", "stations", "groups_built", "reached_group",
    "reached_phone", "help_cases", "green_open",
  ]

  public var values: [Int64] {
    [
      households, people, units, leaders, stations, groupsBuilt, reachedGroup, reachedPhone, helpCases,
      greenOpen,
    ]
  }

  public init() {}

  public init(values v: [Int64]) {
    households = v[0]
    people = v[1]
    units = v[2]
    leaders = v[3]
    stations = v[4]
    groupsBuilt = v[5]
    reachedGroup = v[6]
    reachedPhone = v[7]
    helpCases = v[8]
    greenOpen = v[9]
  }

  public mutating func add(_ o: PlaceStats) {
    households += o.households
    people += o.people
    units += o.units
    leaders += o.leaders
    stations += o.stations
    groupsBuilt += o.groupsBuilt
    reachedGroup += o.reachedGroup
    reachedPhone += o.reachedPhone
    helpCases += o.helpCases
    greenOpen += o.greenOpen
  }

  public var isZero: Bool { values.allSatisfy { $0 == 0 } }
}
