import WanggeCore

/// Place paths (`--scope`, `--path`, event `unit` paths) and `:goto` queries: a parsed path has no
/// empty, padded or slash-bearing segment and reparses from its text to itself; the matcher returns
/// at most `limit` known candidates, best first, the same each time.
struct PlacePathFuzz: FuzzTarget {
  static let candidates: [PlaceCandidate] = {
    let paths = [
      "河北街道", "河北街道/水映花城社区", "河北街道/水映花城社区/水映花城居民委",
      "河北街道/水映花城社区/水映花城居民委/水映花城小区", "河北街道/水映花城社区/水映花城居民委/水映花城小区/12号楼",
      "河北街道/水映花城社区/水映花城居民委/水映花城小区/12号楼/3单元", "长安街道", "长安街道/长安社区",
      "长安街道/长安社区/长安居民委/长安小区/1号楼/1单元", "民主街道", "民主街道/民主社区/东区 居民委",
      "Riverside/North Gate/Block A", "Riverside/北门", "e\u{301}cole/Ünit 1",
    ]
    return paths.enumerated().map {
      PlaceCandidate(id: Int64($0.offset + 1), path: $0.element.split(separator: "/").map(String.init))
    }
  }()
  static let matcher = PlaceMatcher(candidates: candidates)
  static let ids = Set(candidates.map(\.id))

  func run(_ bytes: [UInt8]) {
    let limit = bytes.first.map { Int($0 % 24) } ?? 5
    let input = text(Array(bytes.dropFirst()))
    let path = PlacePath(parsing: input)
    for s in path.segments {
      require(!s.isEmpty, "empty segment in \(path.segments) from \"\(input)\"")
      require(!s.contains("/") && !s.contains("／"), "segment \"\(s)\" holds a slash")
      require(s.trimmingCharacters(in: .whitespaces) == s, "segment \"\(s)\" is padded")
    }
    let again = PlacePath(parsing: path.description)
    require(again == path, "\"\(input)\" -> \(path.segments) -> \"\(path.description)\" -> \(again.segments)")

    let found = Self.matcher.matches(input, limit: limit)
    require(found.count <= limit, "\(found.count) matches for limit \(limit)")
    require(found.allSatisfy { Self.ids.contains($0.id) }, "a match is not a candidate: \(found)")
    require(found.allSatisfy { (100...600).contains($0.score) }, "a score out of 100–600: \(found)")
    require(zip(found, found.dropFirst()).allSatisfy { $0.score >= $1.score }, "not best first: \(found)")
    require(Self.matcher.matches(input, limit: limit) == found, "\"\(input)\" matched differently twice")
  }
}
