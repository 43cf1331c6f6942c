// Stand-ins until WanggeCore's PinyinInitials and PlaceMatcher land (branch sim); deleted at that merge.
enum PinyinInitials {
  static func initials(of text: String) -> String { text.lowercased() }
}
struct PlaceCandidate {
  var id: Int64
  var path: [String]
}
struct PlaceMatch {
  var id: Int64
  var path: [String]
}
struct PlaceMatcher {
  var candidates: [PlaceCandidate]
  init(candidates: [PlaceCandidate]) { self.candidates = candidates }
  func matches(_ query: String, limit: Int) -> [PlaceMatch] {
    Array(
      candidates.filter { $0.path.joined(separator: "/").contains(query) }.prefix(limit).map {
        PlaceMatch(id: $0.id, path: $0.path)
      })
  }
}
