/// Match tiers, best highest; a ``PlaceMatch`` score is the tier times 100.
enum MatchTier {
  static let none = 0
  static let fuzzy = 1
  static let initialsPrefix = 2
  static let substring = 3
  static let initialsExact = 4
  static let prefix = 5
  static let exact = 6
}

/// Text folded for matching: lowercased, full-width letters and digits as ASCII, as scalar values.
func foldedScalars(_ text: String) -> [UInt32] {
  text.lowercased().unicodeScalars.map { s in
    let v = s.value
    guard v >= 0xFF10 && v <= 0xFF5A else { return v }
    let a = v - 0xFEE0
    switch a {
    case 0x30...0x39, 0x61...0x7A: return a
    case 0x41...0x5A: return a + 0x20
    default: return v
    }
  }
}

/// One distinct place name, prepared once.
struct MatchName: Sendable {
  var scalars: [UInt32]
  var initials: [UInt8]

  init(_ name: String) {
    scalars = foldedScalars(name)
    initials = Array(PinyinInitials.initials(of: name).utf8)
  }
}

/// A `:goto` query: path segments split at `/` (or `／`), folded like names.
struct PlaceQuery {
  /// Non-empty segments; the last is matched against the place's own name.
  var segments: [[UInt32]]
  /// All segments run together, for fuzzy and initials matching along the path.
  var joined: [UInt32]
  /// `joined` as ASCII bytes when it is only letters and digits (and short enough), else nil.
  var initials: [UInt8]?
  /// The last segment as ASCII bytes when it is only letters and digits, else nil.
  var lastInitials: [UInt8]?

  init?(_ text: String) {
    let slash = UInt32(UInt8(ascii: "/"))
    let scalars = foldedScalars(text).map { $0 == 0xFF0F ? slash : $0 }
    segments = scalars.split(separator: slash).map(Self.trimmed).filter { !$0.isEmpty }
    guard let last = segments.last else { return nil }
    joined = segments.flatMap { $0 }
    initials = joined.count < 64 ? Self.asciiAlphanumerics(joined) : nil
    lastInitials = Self.asciiAlphanumerics(last)
  }

  /// `segment` without leading and trailing spaces (ASCII or ideographic).
  static func trimmed(_ segment: ArraySlice<UInt32>) -> [UInt32] {
    func isSpace(_ v: UInt32) -> Bool { v == 0x20 || v == 0x09 || v == 0x3000 }
    guard let first = segment.firstIndex(where: { !isSpace($0) }) else { return [] }
    let last = segment.lastIndex(where: { !isSpace($0) })!
    return Array(segment[first...last])
  }

  static func asciiAlphanumerics(_ s: [UInt32]) -> [UInt8]? {
    for v in s where !((v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A)) { return nil }
    return s.map { UInt8($0) }
  }
}

/// What a query makes of every distinct name, computed once per query; then `tier(path:)` judges a
/// path in a few table lookups per name.
struct QueryTables {
  let segmentCount: Int
  /// Tier of each name against the last segment.
  var own: [UInt8]
  /// Per name, bit j: the name contains segment j or its initials start with it (segments before the last).
  var ancestor: [UInt64] = []
  /// Initials along the path: `lcp[name * n + p]` = common prefix of the query initials from `p` and the name's.
  var lcp: [UInt8] = []
  let initialsCount: Int
  /// Fuzzy: `advance[name * (f + 1) + p]` = query position after greedily matching the name from `p`,
  /// filled in as the walk needs it (`unknown` until then).
  var advance: [UInt8] = []
  let fuzzyCount: Int
  let joined: [UInt32]
  let names: [MatchName]
  static let unknown: UInt8 = 255

  init(_ q: PlaceQuery, names: [MatchName]) {
    segmentCount = q.segments.count
    let last = q.segments[segmentCount - 1]
    own = names.map { UInt8(Self.tier(of: $0, segment: last, initials: q.lastInitials)) }
    if segmentCount > 1 {
      let earlier = q.segments.dropLast().prefix(64).map { ($0, PlaceQuery.asciiAlphanumerics($0)) }
      ancestor = names.map { name in
        var bits: UInt64 = 0
        for (j, (seg, ini)) in earlier.enumerated()
        where Self.contains(name.scalars, seg) || (ini.map { name.initials.starts(with: $0) } ?? false) {
          bits |= 1 << UInt64(j)
        }
        return bits
      }
    }
    if let ini = q.initials {
      let n = ini.count
      initialsCount = n
      lcp = [UInt8](repeating: 0, count: names.count * n)
      for (i, name) in names.enumerated() where !name.initials.isEmpty {
        let first = name.initials[0]
        for p in 0..<n where ini[p] == first {
          var k = 0
          while p + k < n, k < name.initials.count, ini[p + k] == name.initials[k] { k += 1 }
          lcp[i * n + p] = UInt8(k)
        }
      }
    } else {
      initialsCount = 0
    }
    joined = q.joined
    let f = q.joined.count
    fuzzyCount = f < 255 ? f : 0
    if fuzzyCount > 0 { advance = [UInt8](repeating: Self.unknown, count: names.count * (f + 1)) }
    self.names = names
  }

  /// The tier of a path (indices into the names), `MatchTier.none` when it does not match.
  mutating func tier(path: ArraySlice<Int32>) -> Int {
    let ownName = Int(path[path.endIndex - 1])
    var tier = Int(own[ownName])
    if segmentCount > 1, tier > MatchTier.none {
      // Earlier segments must name ancestors in order (not necessarily adjacent ones).
      var j = 0
      for a in path.dropLast() where j < segmentCount - 1 && ancestor[Int(a)] & (1 << UInt64(j)) != 0 {
        j += 1
      }
      if j < min(segmentCount - 1, 64) { tier = MatchTier.none }
    }
    if tier < MatchTier.initialsPrefix, initialsCount > 0, initialsAlongPath(path) {
      return MatchTier.initialsPrefix
    }
    if tier == MatchTier.none, fuzzyAlongPath(path) { return MatchTier.fuzzy }
    return tier
  }

  /// Whether the query splits into pieces, each a non-empty prefix of the initials of a name of the path,
  /// in order, the last piece on the place's own name (`hbjdsyhc` → 河北街道/…/水映花城小区).
  private func initialsAlongPath(_ path: ArraySlice<Int32>) -> Bool {
    let n = initialsCount
    let full: UInt64 = n == 64 ? ~0 : (1 << UInt64(n)) - 1
    var reach: UInt64 = 1  // bit p: the first p letters are matched
    for a in path.dropLast() {
      var bits = reach
      var add: UInt64 = 0
      while bits != 0 {
        let p = bits.trailingZeroBitCount
        bits &= bits - 1
        let k = Int(lcp[Int(a) * n + p])
        if k > 0 { add |= ((1 << UInt64(k)) - 1) << UInt64(p + 1) }
      }
      reach |= add & full
    }
    let ownName = Int(path[path.endIndex - 1])
    var bits = reach
    while bits != 0 {
      let p = bits.trailingZeroBitCount
      bits &= bits - 1
      if Int(lcp[ownName * n + p]) == n - p { return true }
    }
    return false
  }

  /// Whether the query is a subsequence of the joined path.
  private mutating func fuzzyAlongPath(_ path: ArraySlice<Int32>) -> Bool {
    let f = fuzzyCount
    guard f > 0 else { return false }
    var p = 0
    for a in path {
      let slot = Int(a) * (f + 1) + p
      if advance[slot] == Self.unknown {
        var k = p
        for c in names[Int(a)].scalars where k < f && c == joined[k] { k += 1 }
        advance[slot] = UInt8(k)
      }
      p = Int(advance[slot])
      if p == f { return true }
    }
    return false
  }

  static func tier(of name: MatchName, segment: [UInt32], initials: [UInt8]?) -> Int {
    let s = name.scalars
    if s == segment { return MatchTier.exact }
    if s.starts(with: segment) { return MatchTier.prefix }
    if let q = initials, name.initials == q { return MatchTier.initialsExact }
    if contains(s, segment) { return MatchTier.substring }
    if let q = initials, name.initials.starts(with: q) { return MatchTier.initialsPrefix }
    return MatchTier.none
  }

  static func contains(_ text: [UInt32], _ part: [UInt32]) -> Bool {
    guard part.count <= text.count else { return false }
    guard let first = part.first else { return true }
    var i = 0
    while i + part.count <= text.count {
      if text[i] == first {
        var k = 1
        while k < part.count && text[i + k] == part[k] { k += 1 }
        if k == part.count { return true }
      }
      i += 1
    }
    return false
  }
}
