/// One node of the grid: a city, street, community, residents' committee, compound, building or unit.
///
/// The hierarchy is data: `depth` indexes into a ``LevelChain`` whose names differ between cities.
public struct Place: Hashable, Sendable, Identifiable {
  /// Stable id (never reused).
  public var id: Int64
  /// The parent place, nil for the root.
  public var parentID: Int64?
  /// 0 for the root, 1 for its children, and so on.
  public var depth: Int
  /// The place's own name, unique among its siblings, e.g. `12号楼`.
  public var name: String
  /// True when this place (a compound, 小区) runs a command station (指挥站).
  public var hasStation: Bool

  public init(id: Int64, parentID: Int64?, depth: Int, name: String, hasStation: Bool = false) {
    self.id = id
    self.parentID = parentID
    self.depth = depth
    self.name = name
    self.hasStation = hasStation
  }
}
