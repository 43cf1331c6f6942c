/// The names of the grid's levels from the root down, e.g. 市 / 街道 / 社区 / 居民委 / 小区 / 楼栋 / 单元.
///
/// Cities differ (3-, 4- and 5-level grids all exist), so the chain is stored with the data.
/// The last level is always the unit (单元), the level unit leaders and households belong to.
public struct LevelChain: Hashable, Sendable {
  /// Level names indexed by depth.
  public var names: [String]
  /// The depth of the level whose places run command stations (compounds), if any.
  public var stationDepth: Int?

  public init(names: [String], stationDepth: Int?) {
    precondition(names.count >= 2, "a grid needs a root and units")
    self.names = names
    self.stationDepth = stationDepth
  }

  /// Depth of the unit level (the leaves).
  public var unitDepth: Int { names.count - 1 }

  /// The level name at `depth`, or `?` when out of range.
  public func name(at depth: Int) -> String { names.indices.contains(depth) ? names[depth] : "?" }

  /// Jiaohe's seven-level chain: 市 / 街道 / 社区 / 居民委 / 小区 / 楼栋 / 单元.
  public static let jiaohe = LevelChain(
    names: ["市", "街道", "社区", "居民委", "小区", "楼栋", "单元"], stationDepth: 4)
}
