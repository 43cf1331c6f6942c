import WanggeCore
import WanggeStore

/// The places `:goto` searches by name, fragment or pinyin initials: every place down to the
/// command-station level (the 36,000 of a 10-million-household city), loaded on first use.
struct PlaceIndex {
  let matcher: PlaceMatcher

  init(store: any BoardSource, levels: LevelChain) throws {
    let maxDepth = levels.stationDepth ?? min(levels.unitDepth, 4)
    var candidates: [PlaceCandidate] = []
    var frontier: [(id: Int64, path: [String])] = [(try store.root().id, [])]
    for _ in 0..<maxDepth {
      var next: [(id: Int64, path: [String])] = []
      for item in frontier {
        for child in try store.children(of: item.id) {
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
