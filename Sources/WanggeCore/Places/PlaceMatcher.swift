/// Finds places for `:goto` by full path, path suffix, name, fragment, fuzzy subsequence or pinyin
/// initials (`hbjd` → 河北街道), best first; case-insensitive.
///
/// Names are interned and prepared once (lowercased, initials); a query first classifies each distinct
/// name, then walks every candidate's path once, so it stays linear in the candidates and allocates
/// a few arrays per query. Ranking: score (see ``PlaceMatch``), then shallower place, then shorter
/// path, then smaller id.
public struct PlaceMatcher: Sendable {
  /// Distinct names of all paths, prepared for matching.
  let names: [MatchName]
  let ids: [Int64]
  let paths: [[String]]
  /// Candidate `c`'s names are `pathNames[pathStart[c]..<pathStart[c + 1]]` (indices into `names`).
  let pathStart: [Int32]
  let pathNames: [Int32]
  /// Characters in each candidate's joined path, for ranking.
  let pathLength: [Int32]

  public init(candidates: [PlaceCandidate]) {
    var names: [MatchName] = []
    var index: [String: Int32] = [:]
    var pathStart: [Int32] = [0]
    var pathNames: [Int32] = []
    var pathLength: [Int32] = []
    pathStart.reserveCapacity(candidates.count + 1)
    pathNames.reserveCapacity(candidates.count * 6)
    pathLength.reserveCapacity(candidates.count)
    // Candidates usually come in tree order, so most names repeat the previous candidate's path.
    var previous: [String] = []
    var previousIDs: [Int32] = []
    for candidate in candidates {
      var ids: [Int32] = []
      ids.reserveCapacity(candidate.path.count)
      var length: Int32 = 0
      for (i, name) in candidate.path.enumerated() {
        let id: Int32
        if i < previous.count, previous[i] == name {
          id = previousIDs[i]
        } else if let known = index[name] {
          id = known
        } else {
          id = Int32(names.count)
          index[name] = id
          names.append(MatchName(name))
        }
        ids.append(id)
        length += Int32(names[Int(id)].scalars.count)
      }
      pathNames.append(contentsOf: ids)
      pathStart.append(Int32(pathNames.count))
      pathLength.append(length)
      previous = candidate.path
      previousIDs = ids
    }
    self.names = names
    self.ids = candidates.map(\.id)
    self.paths = candidates.map(\.path)
    self.pathStart = pathStart
    self.pathNames = pathNames
    self.pathLength = pathLength
  }

  /// How many candidates there are.
  public var count: Int { ids.count }

  /// Up to `limit` candidates matching `query`, best first; empty for a blank query.
  public func matches(_ query: String, limit: Int) -> [PlaceMatch] {
    guard limit > 0, let q = PlaceQuery(query) else { return [] }
    var tables = QueryTables(q, names: names)
    var top = TopRanked(limit: limit)
    for c in 0..<ids.count {
      let start = Int(pathStart[c])
      let end = Int(pathStart[c + 1])
      guard end > start else { continue }
      let tier = tables.tier(path: pathNames[start..<end])
      guard tier > 0 else { continue }
      top.offer(Ranked(tier: tier, depth: end - start, length: Int(pathLength[c]), id: ids[c], index: c))
    }
    return top.items.map { PlaceMatch(id: ids[$0.index], path: paths[$0.index], score: $0.tier * 100) }
  }
}

/// One candidate's place in the ranking.
struct Ranked {
  var tier: Int
  var depth: Int
  var length: Int
  var id: Int64
  var index: Int

  func isBetter(than o: Ranked) -> Bool {
    if tier != o.tier { return tier > o.tier }
    if depth != o.depth { return depth < o.depth }
    if length != o.length { return length < o.length }
    return id < o.id
  }
}

/// The best `limit` candidates seen so far, kept sorted.
struct TopRanked {
  let limit: Int
  private(set) var items: [Ranked] = []

  init(limit: Int) {
    self.limit = limit
    items.reserveCapacity(min(limit, 1024) + 1)
  }

  mutating func offer(_ r: Ranked) {
    if items.count == limit {
      guard r.isBetter(than: items[limit - 1]) else { return }
      items.removeLast()
    }
    var lo = 0
    var hi = items.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if items[mid].isBetter(than: r) { lo = mid + 1 } else { hi = mid }
    }
    items.insert(r, at: lo)
  }
}
