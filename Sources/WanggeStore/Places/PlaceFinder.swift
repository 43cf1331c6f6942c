import WanggeCore

/// What a place lookup found: one place, or the candidates a person should choose between.
public enum PlaceLookup: Sendable, Equatable {
  /// Exactly one place answers the query.
  case found(Place)
  /// Several places answer equally well (at most ``PlaceFinder/candidateLimit``, best first).
  case ambiguous([PlaceMatch])
  /// Nothing answers; the closest places, if any (best first).
  case notFound([PlaceMatch])
}

/// The one place matcher of `--path`, `--scope`, `:goto` and every command: a full path, a fragment
/// relative to where one stands (`12号楼` inside 水映花城小区), a unique name or fragment anywhere
/// (`水映花城小区`, `水映花城小区/12号楼`), or pinyin initials (`hbjd`).
///
/// Order: the exact path (the contract's `resolve`); then the path walked down from `here` (exact
/// names, else one unique best match among the children); then the ``PlaceDirectory`` (down to the
/// station level), whose unique best match may be followed by names below it. A lookup reads the
/// directory only when the path and the walk from `here` do not answer.
public struct PlaceFinder {
  /// The most candidates a lookup lists.
  public static let candidateLimit = 8

  /// The least score (``PlaceMatch``) taken as an answer: initials along the path; a fuzzy
  /// subsequence alone is only offered as a candidate.
  public static let leastScore = 200

  let store: any Store
  let directory: () throws -> PlaceDirectory

  /// A finder on `store`; `directory` returns the (usually cached) directory when it is needed.
  public init(store: any Store, directory: @escaping () throws -> PlaceDirectory) {
    self.store = store
    self.directory = directory
  }

  /// A finder that reads the directory itself, at most once (for one-shot commands).
  public init(store: any Store) {
    self.store = store
    var cached: PlaceDirectory?
    self.directory = {
      if let cached { return cached }
      let read = try PlaceDirectory(store: store)
      cached = read
      return read
    }
  }

  /// The place `query` names, looked up from `here` (nil: the root).
  public func find(_ query: String, from here: Place? = nil) throws -> PlaceLookup {
    let path = PlacePath(parsing: query)
    guard !path.isRoot else { return .notFound([]) }
    if let place = try? store.resolve(path) { return .found(place) }
    let root = try store.root()
    let segments = path.segments.first == root.name ? Array(path.segments.dropFirst()) : path.segments
    if segments.isEmpty { return .found(root) }
    if let here, here.id != root.id, let place = try walk(segments[...], from: here) {
      return .found(place)
    }
    let dir = try directory()
    // The longest leading part the directory answers uniquely, then the rest walked below it.
    for cut in stride(from: segments.count, through: 1, by: -1) {
      let head = segments.prefix(cut).joined(separator: "/")
      let matches = dir.matcher.matches(head, limit: Self.candidateLimit + 1)
      guard let best = matches.first, best.score >= Self.leastScore else { continue }
      let tied = matches.filter { $0.score == best.score }
      if tied.count > 1 {
        if cut == segments.count { return .ambiguous(Array(tied.prefix(Self.candidateLimit))) }
        continue
      }
      guard let start = try store.place(id: best.id) else { continue }
      if cut == segments.count { return .found(start) }
      if let place = try walk(segments[cut...], from: start) { return .found(place) }
    }
    if let here, here.id != root.id, let near = try nearby(segments, from: here), !near.isEmpty {
      return .notFound(near)
    }
    let whole = segments.joined(separator: "/")
    return .notFound(Array(dir.matcher.matches(whole, limit: Self.candidateLimit)))
  }

  /// The place reached from `start` by naming one child per segment: an exact name, else the one
  /// child that matches best (name, prefix, initials); nil when a segment names none or several.
  func walk(_ segments: ArraySlice<String>, from start: Place) throws -> Place? {
    var place = start
    for segment in segments {
      let children = try store.children(of: place.id)
      if let exact = children.first(where: { $0.name == segment }) {
        place = exact
        continue
      }
      let matcher = PlaceMatcher(candidates: children.map { PlaceCandidate(id: $0.id, path: [$0.name]) })
      let matches = matcher.matches(segment, limit: 2)
      guard let best = matches.first, matches.count == 1 || matches[1].score < best.score,
        best.score >= Self.leastScore, let next = children.first(where: { $0.id == best.id })
      else { return nil }
      place = next
    }
    return place
  }

  /// The children of `here` closest to the first segment, as full paths (for "not found" lists).
  func nearby(_ segments: [String], from here: Place) throws -> [PlaceMatch]? {
    guard let first = segments.first else { return nil }
    let children = try store.children(of: here.id)
    let base = try store.path(of: here.id).segments
    let matcher = PlaceMatcher(
      candidates: children.map { PlaceCandidate(id: $0.id, path: base + [$0.name]) })
    return matcher.matches(first, limit: Self.candidateLimit)
  }
}

extension PlaceLookup {
  /// The candidates as lines for a message, one full path each (at most ``PlaceFinder/candidateLimit``).
  public var candidatePaths: [String] {
    switch self {
    case .found: []
    case .ambiguous(let list), .notFound(let list): list.map { $0.path.joined(separator: "/") }
    }
  }
}
