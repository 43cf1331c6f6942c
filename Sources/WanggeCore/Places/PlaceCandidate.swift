/// A place that `:goto` may jump to: its id and its path of names below the root (root excluded).
public struct PlaceCandidate: Sendable, Hashable {
  public var id: Int64
  /// Names from below the root down to the place itself, e.g. `["河北街道", "水映花城社区"]`.
  public var path: [String]

  public init(id: Int64, path: [String]) {
    self.id = id
    self.path = path
  }
}

/// A candidate that matched a query, with how well it matched (higher is better).
///
/// Scores by kind: 600 exact name, full path or path suffix; 500 name prefix; 400 pinyin initials of
/// the name; 300 substring of the name; 200 prefix of the name's initials, or initials of several
/// names of the path in order; 100 fuzzy subsequence of the joined path.
public struct PlaceMatch: Sendable, Hashable {
  public var id: Int64
  public var path: [String]
  public var score: Int

  public init(id: Int64, path: [String], score: Int) {
    self.id = id
    self.path = path
    self.score = score
  }
}
