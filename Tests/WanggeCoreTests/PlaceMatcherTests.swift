import Testing
import WanggeCore

/// `:goto` place search: paths, names, fragments, fuzzy and pinyin initials, and their ranking.
struct PlaceMatcherTests {
  static let candidates: [PlaceCandidate] = [
    PlaceCandidate(id: 2, path: ["长安街道"]),
    PlaceCandidate(id: 3, path: ["民主街道"]),
    PlaceCandidate(id: 4, path: ["河北街道"]),
    PlaceCandidate(id: 10, path: ["河北街道", "水映花城社区"]),
    PlaceCandidate(id: 11, path: ["河北街道", "水映花城社区", "水映花城居民委"]),
    PlaceCandidate(id: 12, path: ["河北街道", "水映花城社区", "水映花城居民委", "水映花城小区"]),
    PlaceCandidate(id: 13, path: ["河北街道", "水映花城社区", "水映花城居民委", "水映花城小区", "12号楼"]),
    PlaceCandidate(id: 14, path: ["河北街道", "水映花城社区", "水映花城居民委", "水映花城小区", "12号楼", "3单元"]),
    PlaceCandidate(id: 20, path: ["长安街道", "河北路社区"]),
    PlaceCandidate(id: 21, path: ["长安街道", "河北路社区", "安居小区"]),
    PlaceCandidate(id: 22, path: ["长安街道", "河北路社区", "安居小区", "12号楼"]),
    PlaceCandidate(id: 30, path: ["民主街道", "Sunshine社区"]),
  ]
  let matcher = PlaceMatcher(candidates: candidates)

  func ids(_ query: String, limit: Int = 20) -> [Int64] { matcher.matches(query, limit: limit).map(\.id) }
  func first(_ query: String) -> PlaceMatch? { matcher.matches(query, limit: 1).first }

  @Test func fullPathAndPathSuffixAreExact() {
    #expect(first("河北街道/水映花城社区")?.id == 10)
    #expect(first("河北街道/水映花城社区")?.score == 600)
    #expect(first("水映花城小区/12号楼")?.id == 13)
    #expect(first("河北街道／水映花城社区／水映花城居民委／水映花城小区／12号楼／3单元")?.id == 14)
    #expect(first(" /河北街道/ ")?.id == 4)
  }

  @Test func aSingleNameExactlyFindsThatPlaceFirst() {
    #expect(first("河北街道")?.id == 4)
    #expect(first("河北街道")?.score == 600)
    // Every 12号楼 matches; the shallower one, then the shorter path, comes first.
    #expect(Array(ids("12号楼").prefix(2)) == [22, 13])
  }

  @Test func pathSegmentsNarrowTheSearch() {
    #expect(first("水映/12号楼")?.id == 13)
    #expect(first("安居/12")?.id == 22)
    #expect(ids("民主/河北").isEmpty)
  }

  @Test func substringsOfNames() {
    #expect(Array(ids("水映").prefix(3)) == [10, 11, 12])
    #expect(first("水映")?.score == 500)  // a prefix of 水映花城社区
    #expect(first("花城")?.score == 300)
    #expect(first("花城")?.id == 10)
  }

  @Test func fuzzySubsequenceOfTheJoinedPath() {
    let found = ids("河北水映")
    #expect(found.first == 10)
    #expect(first("河北水映")?.score == 100)
    #expect(!found.contains(20))
    #expect(ids("河北花城12").first == 13)
  }

  @Test func pinyinInitials() {
    #expect(first("hbjd")?.id == 4)
    #expect(first("hbjd")?.score == 400)
    #expect(first("HBJD")?.id == 4)
    #expect(first("syhcsq")?.id == 10)
    #expect(Array(ids("syhc").prefix(3)) == [10, 11, 12])
    #expect(first("syhc")?.score == 200)
    #expect(Array(ids("hbjdsyhc").prefix(3)) == [10, 11, 12])
    #expect(ids("syhcxq").first == 12)
    #expect(first("syhc12")?.id == 13)
    #expect(first("12hl")?.id == 22)
    #expect(first("cajd")?.id == 2)
  }

  @Test func asciiNamesAreCaseInsensitive() {
    #expect(first("sunshine")?.id == 30)
    #expect(first("SUNSHINE社区")?.score == 600)
  }

  @Test func rankingOrdersByKindThenDepthThenLengthThenID() {
    // 河北: prefix of 河北街道 (500) and of 河北路社区 (500), then places below them (fuzzy, 100).
    let found = matcher.matches("河北", limit: 20)
    #expect(found.prefix(2).map(\.id) == [4, 20])
    #expect(found.prefix(2).map(\.score) == [500, 500])
    #expect(found.dropFirst(2).allSatisfy { $0.score == 100 })
    let depths = found.dropFirst(2).map(\.path.count)
    #expect(depths == depths.sorted())
    // Kinds in order: exact > prefix > initials exact > substring > initials prefix > fuzzy.
    let kinds = PlaceMatcher(candidates: [
      PlaceCandidate(id: 1, path: ["安居"]),
      PlaceCandidate(id: 2, path: ["安居小区"]),
      PlaceCandidate(id: 3, path: ["新安居"]),
      PlaceCandidate(id: 4, path: ["安居", "东楼"]),
    ])
    #expect(kinds.matches("安居", limit: 9).map(\.id) == [1, 2, 3, 4])
    #expect(kinds.matches("安居", limit: 9).map(\.score) == [600, 500, 300, 100])
    let letters = PlaceMatcher(candidates: [
      PlaceCandidate(id: 1, path: ["aj"]),
      PlaceCandidate(id: 2, path: ["ajx"]),
      PlaceCandidate(id: 3, path: ["安居"]),
      PlaceCandidate(id: 4, path: ["xaj"]),
      PlaceCandidate(id: 5, path: ["安居小区"]),
      PlaceCandidate(id: 6, path: ["a", "j"]),
    ])
    #expect(letters.matches("aj", limit: 9).map(\.id) == [1, 2, 3, 4, 5, 6])
    #expect(letters.matches("aj", limit: 9).map(\.score) == [600, 500, 400, 300, 200, 200])
  }

  @Test func limitKeepsTheBestAndBlankQueriesMatchNothing() {
    #expect(ids("河北", limit: 1) == [4])
    #expect(ids("", limit: 5).isEmpty)
    #expect(ids(" / ", limit: 5).isEmpty)
    #expect(ids("河北", limit: 0).isEmpty)
    #expect(ids("不存在").isEmpty)
    #expect(PlaceMatcher(candidates: []).matches("河北", limit: 5).isEmpty)
  }

  @Test func manyCandidatesStayCorrect() {
    var many: [PlaceCandidate] = []
    var id: Int64 = 100
    for street in 0..<20 {
      for community in 0..<30 {
        for building in 1...10 {
          id += 1
          many.append(PlaceCandidate(id: id, path: ["第\(street)街道", "社区\(community)", "\(building)号楼"]))
        }
      }
    }
    let m = PlaceMatcher(candidates: many)
    #expect(m.count == 6000)
    let hits = m.matches("第7街道/社区12/3号楼", limit: 5)
    #expect(hits.first?.path == ["第7街道", "社区12", "3号楼"])
    #expect(hits.first?.score == 600)
    // 600 buildings are named 3号楼; others match only as fuzzy subsequences (社区3…4号楼) and rank after.
    let named = m.matches("3号楼", limit: 1000)
    #expect(named.prefix(600).allSatisfy { $0.score == 600 && $0.path.last == "3号楼" })
    #expect(named.dropFirst(600).allSatisfy { $0.score == 100 })
  }
}
