/// Close durations kept as a histogram per place (a rollup), so the median time to close is read in
/// O(buckets): bucket `b` holds durations in [edge(b), edge(b+1)).
public enum CloseDurations {
  /// Upper edges in minutes: 5-minute steps to an hour, 15-minute steps to 4 h, then hours to a day.
  static let edges: [Int64] = {
    var e: [Int64] = Array(stride(from: 0, through: 60, by: 5))
    e += Array(stride(from: 75, through: 240, by: 15))
    e += Array(stride(from: 300, through: 1440, by: 60))
    return e
  }()

  /// The number of buckets (the last one is open-ended).
  public static var count: Int { edges.count }

  /// The bucket of a duration.
  public static func bucket(_ span: Span) -> Int {
    let minutes = max(0, span.seconds) / 60
    var b = 0
    while b + 1 < edges.count, minutes >= edges[b + 1] { b += 1 }
    return b
  }

  /// The lower edge of bucket `b`.
  public static func lowerEdge(_ b: Int) -> Span { .minutes(edges[min(max(0, b), edges.count - 1)]) }

  /// The median from bucket counts (the middle bucket's midpoint), nil with no closes.
  public static func median(_ counts: [Int: Int64]) -> Span? {
    let total = counts.values.reduce(0, +)
    guard total > 0 else { return nil }
    var seen: Int64 = 0
    for b in counts.keys.sorted() {
      seen += counts[b]!
      if seen * 2 >= total {
        let lo = lowerEdge(b).seconds
        let hi = b + 1 < edges.count ? lowerEdge(b + 1).seconds : lo
        return Span(seconds: (lo + hi) / 2)
      }
    }
    return nil
  }

  /// The local (UTC+8) day number of an instant, for "closed today".
  public static func day(_ t: Instant) -> Int64 { Int64((t.epochSeconds + 8 * 3600).floorDiv(86_400)) }
}

extension Int64 {
  fileprivate func floorDiv(_ d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
