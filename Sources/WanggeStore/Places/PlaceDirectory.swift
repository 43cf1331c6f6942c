import WanggeCore

/// The places a lookup searches by name, fragment or pinyin initials anywhere in the grid: every place
/// down to the command-station level (the ~36,000 of a 10-million-household city), read once through
/// the contract's `children(of:)` and bounded by ``limit`` so a lookup never walks the buildings and
/// units of a city.
public struct PlaceDirectory: Sendable {
  /// The most places read into a directory; deeper levels are left out once it is reached.
  public static let limit = 250_000

  /// The prepared matcher over the places read.
  public let matcher: PlaceMatcher

  /// Reads the places of `store` from the level below the root down to the station level (or the
  /// fourth level below the root when there is none), stopping at ``limit``.
  public init(store: any Store, limit: Int = PlaceDirectory.limit) throws {
    let levels = try store.levels()
    let maxDepth = levels.stationDepth ?? min(levels.unitDepth, 4)
    var candidates: [PlaceCandidate] = []
    var frontier: [(id: Int64, path: [String])] = [(try store.root().id, [])]
    depths: for _ in 0..<maxDepth {
      var next: [(id: Int64, path: [String])] = []
      for item in frontier {
        for child in try store.children(of: item.id) {
          guard candidates.count < limit else { break depths }
          let path = item.path + [child.name]
          candidates.append(PlaceCandidate(id: child.id, path: path))
          next.append((child.id, path))
        }
      }
      frontier = next
    }
    matcher = PlaceMatcher(candidates: candidates)
  }
}
