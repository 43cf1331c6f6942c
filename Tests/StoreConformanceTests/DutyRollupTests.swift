import Foundation
import Testing
import WanggeCore
import WanggeStore

/// The 空岗 rollup's arithmetic (``DutyRollup``: posts per shift shape, signed-in posts per shift)
/// gives, at every instant, exactly the empty posts `dutyNow` finds from the roster and its signs.
@Suite struct DutyRollupTests {
  let now = ConformanceEngine.anchor

  @Test(arguments: ConformanceEngine.all)
  func theRollupCountsTheSameEmptyPostsAsTheRosterAtEveryInstant(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let station = try #require(try store.children(of: root.id).first)
    // Shapes: overlapping shifts, one across midnight, a short one, a 2/1 rest rotation.
    let shapes = [(19 * 60 + 45, 240, 1, 0), (8 * 60, 720, 1, 0), (20 * 60, 30, 1, 0), (22 * 60, 600, 2, 1)]
    var posts: [DutyPost] = []
    for (i, s) in shapes.enumerated() {
      for k in 0..<2 {
        posts.append(
          try store.addDutyPost(
            DutyPost(
              placeID: station.id, role: "卡口", person: "岗\(i)-\(k)", startMinute: s.0, lengthMinutes: s.1,
              onDays: s.2, offDays: s.3, anchorDay: 20_000)))
      }
    }
    // Signs in time order: in before the shift, out in the middle, in again, a sign-out alone.
    var signs: [(post: Int64, at: Instant, signedIn: Bool)] = []
    var generator = SplitMix(seed: 11)
    for p in posts {
      var at = now - Span(seconds: 86_400)
      for n in 0..<6 {
        at = at + Span(seconds: Int64(1800 + generator.next() % 14_400))
        signs.append((p.id, at, n % 3 != 1))
      }
    }
    for (i, s) in signs.enumerated() {
      _ = try store.signDuty(post: s.post, at: s.at, eventID: "r-\(i)", signingOut: !s.signedIn)
    }
    var checked = 0
    var sawEmpty = false
    var t = now - Span(seconds: 86_400)
    while t < now + Span(seconds: 86_400) {
      let expected = try store.dutyNow(of: station.id, at: t).filter { $0.state == .empty }.count
      let r = DutyRollup.recount(posts: posts, signs: signs.filter { $0.at <= t }) { [$0, root.id] }
      for place in [station.id, root.id] {
        let got = DutyRollup.gaps(shapes: r.shapes[place] ?? [:], on: r.on[place] ?? [:], at: t)
        #expect(got == expected, "at \(InstantFormat.iso(t)) place \(place)")
      }
      sawEmpty = sawEmpty || expected > 0
      checked += 1
      t = t + Span(seconds: 419)
    }
    #expect(checked > 400 && sawEmpty)
  }
}

/// A small deterministic generator (no wall clock, no system randomness).
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> Int64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int64(bitPattern: (z ^ (z >> 31)) >> 1)
  }
}
