import WanggeCore

/// The 空岗 rollup, kept per place (the station and every ancestor) in the same transaction as the
/// post or the sign-in: posts per shift shape (`duty_shape`), and per shift (its start and length)
/// the posts signed in for it (`duty_on`). A place's 空岗 at `now` is read from these rows alone
/// (O(shapes + shifts of the last two days)), never from the posts under it.
public enum DutyRollup {
  /// One shift: its start and length (the key of `duty_on`).
  public struct Shift: Hashable, Sendable {
    public var start: Instant
    public var lengthMinutes: Int
    public init(start: Instant, lengthMinutes: Int) {
      self.start = start
      self.lengthMinutes = lengthMinutes
    }
  }

  /// How far back `duty_on` rows are read (a shift is at most a day long, so two days hold every
  /// shift running now).
  public static let lookBack = Span(seconds: 2 * 86_400)

  /// The change to `duty_on` a sign makes: `previous` is the post's latest sign before it (nil: none).
  /// A sign older than the latest changes nothing (the latest decides who is on post).
  public static func onChanges(
    post: DutyPost, previous: (at: Instant, signedIn: Bool)?, at: Instant, signedIn: Bool
  ) -> [(shift: Shift, delta: Int)] {
    if let previous, previous.at > at { return [] }
    return post.shiftStarts(signableAt: at).compactMap { start in
      let wasOn = previous.map { $0.signedIn && $0.at >= start - DutyPost.earlySignIn } ?? false
      let delta = (signedIn ? 1 : 0) - (wasOn ? 1 : 0)
      return delta == 0 ? nil : (Shift(start: start, lengthMinutes: post.lengthMinutes), delta)
    }
  }

  /// 空岗 at `now` from one place's rollup rows: the posts of every shift running past its grace,
  /// less those signed in for it.
  public static func gaps(shapes: [DutyShape: Int], on: [Shift: Int], at now: Instant) -> Int {
    var posts: [Shift: Int] = [:]
    for (shape, n) in shapes {
      guard let start = shape.shiftStart(covering: now), now > start + DutyPost.grace else { continue }
      posts[Shift(start: start, lengthMinutes: shape.lengthMinutes), default: 0] += n
    }
    return posts.reduce(0) { $0 + max(0, $1.value - (on[$1.key] ?? 0)) }
  }

  /// The rollup recounted from the posts and every sign (for `verify`): posts per shape and signed-in
  /// posts per shift, per place in `places(of:)` (the post's station and its ancestors).
  public static func recount(
    posts: [DutyPost], signs: [(post: Int64, at: Instant, signedIn: Bool)], places: (Int64) throws -> [Int64]
  ) rethrows -> (shapes: [Int64: [DutyShape: Int]], on: [Int64: [Shift: Int]]) {
    var shapes: [Int64: [DutyShape: Int]] = [:]
    var on: [Int64: [Shift: Int]] = [:]
    var byID: [Int64: DutyPost] = [:]
    var chain: [Int64: [Int64]] = [:]
    for p in posts {
      byID[p.id] = p
      let c = try places(p.placeID)
      chain[p.id] = c
      for place in c { shapes[place, default: [:]][p.shape, default: 0] += 1 }
    }
    var latest: [Int64: (at: Instant, signedIn: Bool)] = [:]
    for s in signs.sorted(by: { ($0.at, $0.post) < ($1.at, $1.post) }) {
      guard let p = byID[s.post] else { continue }
      for (shift, d) in onChanges(post: p, previous: latest[s.post], at: s.at, signedIn: s.signedIn) {
        for place in chain[p.id] ?? [] { on[place, default: [:]][shift, default: 0] += d }
      }
      latest[s.post] = (s.at, s.signedIn)
    }
    return (shapes, on.mapValues { $0.filter { $0.value != 0 } })
  }
}
