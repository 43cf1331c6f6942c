import WanggeCore

/// A station's duty roster and its sign-ins (events with ids), in every engine.
public protocol DutyDesk: Store {
  /// Adds a post to the roster of `post.placeID`; returns it with its id.
  func addDutyPost(_ post: DutyPost) throws -> DutyPost
  /// The posts of `place`'s roster, by id.
  func dutyRoster(of place: Int64) throws -> [DutyPost]
  /// Records a sign-in (`signingOut` false) or sign-out of post `post` at `at`; an id seen before
  /// changes nothing (returns false).
  func signDuty(post: Int64, at: Instant, eventID: String, signingOut: Bool) throws -> Bool
  /// The latest sign-in or sign-out of each of `posts` at or before `at` (true: signed in).
  func latestSigns(of posts: [Int64], at: Instant) throws -> [Int64: (at: Instant, signedIn: Bool)]
  /// 空岗 at `now` of each of `places` (a station and its ancestors alike), from the duty rollup
  /// (``DutyRollupBook``): a post on a shift running more than ``DutyPost/grace`` (600 s) past its
  /// start without a sign-in for it. At start + 600 s exactly it is still awaited; at + 601 s it counts.
  func dutyGaps(for places: [Int64], at now: Instant) throws -> [Int64: Int]
}

extension DutyDesk {
  /// Each post of `place` and its state at `now`: off shift, on post, awaited (within 10 minutes of
  /// the shift start) or empty (空岗: past that without a sign-in in this shift).
  public func dutyNow(of place: Int64, at now: Instant) throws -> [(post: DutyPost, state: DutyState)] {
    let posts = try dutyRoster(of: place)
    let signs = try latestSigns(of: posts.map(\.id), at: now)
    return posts.map { p in
      guard let start = p.shiftStart(covering: now) else { return (p, .offShift) }
      if let s = signs[p.id], s.signedIn, s.at >= start - Span(seconds: 3600) { return (p, .onPost) }
      return (p, now > start + DutyPost.grace ? .empty : .awaited)
    }
  }
}
