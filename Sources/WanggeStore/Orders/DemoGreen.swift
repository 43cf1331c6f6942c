import WanggeCore

/// The demo's green channels: every help case the generator flagged green (绿色通道) gets a handled
/// channel, so the flags and the channels agree. Each flagged household first had an earlier channel,
/// taken and resolved hours ago; its current one is taken (most) or, for the first two, still untaken
/// and past its response deadline (the header then shows `‼ 绿色通道 2 · 最久 M 分`).
enum DemoGreen {
  static let takers = ["网格员", "社区值班", "站点值班"]

  /// Returns how many current channels it opened.
  @discardableResult
  static func seed(_ store: any GridStore, anchor: Instant, rng: inout SeededRandom) throws -> Int {
    let root = try store.root()
    let flagged = try store.helpCases(under: root.id, filter: HelpFilter(), limit: 100_000).rows
      .filter(\.helpCase.greenChannel)
    for (n, row) in flagged.enumerated() {
      let h = row.helpCase.householdID
      let kind = rng.pick(GreenKind.allCases)
      let who = rng.pick(takers)
      let earlier = anchor - .hours(Int64(6 + rng.below(12)))
      let old = "demo-green-\(n + 1)-a"
      _ = try store.openGreen(
        GreenOpenRequest(id: old, householdID: h, kind: kind, raisedBy: "居民电话", at: earlier, source: "demo"))
      _ = try store.act(
        onGreen: old, .take(by: who), eventID: old + "-take",
        at: earlier + .minutes(Int64(3 + rng.below(10))),
        source: "demo")
      _ = try store.act(
        onGreen: old, .resolve(by: who, outcome: "已送医，家属陪同"), eventID: old + "-resolve",
        at: earlier + .hours(2), source: "demo")
      let id = "demo-green-\(n + 1)"
      let untaken = n < 2
      let at = anchor - .minutes(Int64(untaken ? 20 + rng.below(40) : 30 + rng.below(300)))
      _ = try store.openGreen(
        GreenOpenRequest(
          id: id, householdID: h, kind: kind,
          raisedBy: row.helpCase.helperName.isEmpty ? "帮扶人" : row.helpCase.helperName, at: at, source: "demo")
      )
      guard !untaken else { continue }
      _ = try store.act(
        onGreen: id, .take(by: who), eventID: id + "-take", at: at + .minutes(Int64(2 + rng.below(12))),
        source: "demo")
    }
    return flagged.count
  }
}
