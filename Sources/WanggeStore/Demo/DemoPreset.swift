import WanggeCore

/// The size and shape of a generated demo grid.
public struct DemoPreset: Sendable {
  /// A planned task of the demo history: issued `hoursBeforeAnchor` before the anchor time.
  public struct PlannedTask: Sendable {
    public var type: TaskType
    public var title: String
    /// Scope as (depth, index of the place within its level); (0, 0) is the whole grid.
    public var scopeDepth: Int
    public var scopeIndex: Int
    public var hoursBeforeAnchor: Double
  }

  /// A department with a fixed number of leaders and, optionally, a fixed number of squads.
  public struct FixedDepartment: Sendable {
    public var name: String
    public var leaders: Int
    public var squads: Int?
  }

  public var name: String
  public var rootName: String
  public var levels: LevelChain
  /// Places per depth, from depth 1 down to the units; depth 0 is the single root.
  public var placesPerDepth: [Int]
  /// Fixed names for the places at depth 1 (may be shorter than the count).
  public var depthOneNames: [String]
  public var households: Int
  public var leaders: Int
  public var departments: Int
  public var fixedDepartments: [FixedDepartment]
  /// Units whose chat group is built; nil means about 99 %.
  public var groupsBuilt: Int?
  public var helpRate: Double
  public var tasks: [PlannedTask]
  /// Names forced along the first path so that documented examples resolve (e.g. 河北街道/水映花城社区/…).
  /// Each step is a child position under the previous step's place, an optional forced name, and a
  /// minimum number of children for it.
  public var examplePath: [(depth: Int, position: Int, name: String?, minChildren: Int)]

  /// The preset called `name`, or nil.
  public static func named(_ name: String) -> DemoPreset? {
    switch name {
    case "jiaohe": jiaohe
    case "district": district
    case "city": city
    default: nil
    }
  }

  public static let names = ["jiaohe", "district", "city"]

  public static let history: [PlannedTask] = [
    PlannedTask(type: .screening, title: "第一轮全员排查", scopeDepth: 0, scopeIndex: 0, hoursBeforeAnchor: 70),
    PlannedTask(type: .notice, title: "居家防护告知书转发", scopeDepth: 0, scopeIndex: 0, hoursBeforeAnchor: 52),
    PlannedTask(type: .screening, title: "第二轮全员排查", scopeDepth: 0, scopeIndex: 0, hoursBeforeAnchor: 27),
    PlannedTask(type: .visitRound, title: "重点人群走访", scopeDepth: 1, scopeIndex: 2, hoursBeforeAnchor: 20),
    PlannedTask(type: .notice, title: "核酸检测点调整通知", scopeDepth: 2, scopeIndex: 0, hoursBeforeAnchor: 5),
    PlannedTask(type: .screening, title: "第三轮全员排查", scopeDepth: 0, scopeIndex: 0, hoursBeforeAnchor: 2),
  ]

  /// 蛟河市 as reported: 3 streets, 19 communities, 145 residents' committees, 1,165 buildings,
  /// 4,868 units, 65,196 households, 4,827 unit leaders from 81 departments.
  public static let jiaohe = DemoPreset(
    name: "jiaohe", rootName: "蛟河市", levels: .jiaohe,
    placesPerDepth: [3, 19, 145, 200, 1165, 4868],
    depthOneNames: ["长安街道", "民主街道", "河北街道"],
    households: 65196, leaders: 4827, departments: 81,
    fixedDepartments: [
      FixedDepartment(name: "教育局", leaders: 1644, squads: nil),
      FixedDepartment(name: "公安局", leaders: 123, squads: 14),
    ],
    groupsBuilt: 4827, helpRate: 0.005, tasks: history,
    examplePath: [
      (1, 2, "河北街道", 1), (2, 0, "水映花城社区", 1), (3, 0, "水映花城居民委", 1), (4, 0, "水映花城小区", 12),
      (5, 11, nil, 3),
    ])

  /// A district of about a million households on a six-level grid.
  public static let district = DemoPreset(
    name: "district", rootName: "铁东区",
    levels: LevelChain(names: ["区", "街道", "社区", "小区", "楼栋", "单元"], stationDepth: 3),
    placesPerDepth: [12, 600, 3000, 30000, 150_000], depthOneNames: [],
    households: 1_000_000, leaders: 145_000, departments: 150, fixedDepartments: [],
    groupsBuilt: nil, helpRate: 0.005, tasks: Array(history.suffix(4)), examplePath: [])

  /// A large city: 10 million households, 1.5 million units, 6,000 communities, 30,000 stations.
  public static let city = DemoPreset(
    name: "city", rootName: "演示市",
    levels: LevelChain(names: ["市", "区", "街道", "社区", "小区", "楼栋", "单元"], stationDepth: 4),
    placesPerDepth: [16, 300, 6000, 30000, 300_000, 1_500_000], depthOneNames: [],
    households: 10_000_000, leaders: 1_450_000, departments: 800, fixedDepartments: [],
    groupsBuilt: nil, helpRate: 0.005, tasks: Array(history.suffix(3)), examplePath: [])
}

extension DemoPreset {
  /// A small grid for tests: 2 streets, 40 buildings, 120 units, 1,500 households.
  public static let tiny = DemoPreset(
    name: "tiny", rootName: "测试市", levels: .jiaohe,
    placesPerDepth: [2, 4, 8, 16, 40, 120], depthOneNames: ["长安街道", "河北街道"],
    households: 1500, leaders: 115, departments: 6,
    fixedDepartments: [FixedDepartment(name: "公安局", leaders: 20, squads: 3)],
    groupsBuilt: 110, helpRate: 0.03, tasks: history, examplePath: [])
}
