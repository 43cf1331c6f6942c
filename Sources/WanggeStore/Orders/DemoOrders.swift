import WanggeCore

/// The demo's volunteers and a day of service orders, written through the contract after the demo
/// generator: teams, 双报到 units, posts, report-in and on-post for the volunteers it made (about one
/// per 35 households, 60% party members); orders opened over the 24 hours before the anchor, most
/// claimed and closed, some left late.
public enum DemoOrders {
  static let units = ["市税务局", "市教育局", "市卫健委", "市公安局", "市自然资源局", "市住建局", "市财政局", "国网供电公司", "市医保局"]
  static let items: [OrderKind: [String]] = [
    .purchase: ["大米 5kg、食用油", "蔬菜一份", "鸡蛋 2 斤、牛奶"], .errand: ["代办社保认证", "代取快递"],
    .payment: ["代缴水电费", "代缴燃气费"], .medicine: ["降压药", "胰岛素", "速效救心丸"], .escort: ["陪同血透"],
    .other: ["疏通下水道"],
  ]

  /// Seeds `store`; returns (volunteers updated, orders opened). At most `maxOrders` orders.
  @discardableResult
  public static func seed(_ store: any GridStore, anchor: Instant, seed: UInt64, maxOrders: Int = 240) throws
    -> (volunteers: Int, orders: Int)
  {
    var rng = SeededRandom(seed: seed &+ 0x0D0E)
    let root = try store.root()
    var vols = try store.volunteers(under: root.id, at: anchor, limit: 20_000).map(\.volunteer)
    for i in vols.indices {
      var v = vols[i]
      v.team = v.isPartyMember ? (rng.chance(0.8) ? "党员先锋队" : "服务队") : (rng.chance(0.5) ? "青年先锋队" : "服务队")
      v.homeUnit = v.isPartyMember && rng.chance(0.7) ? rng.pick(units) : ""
      var posts = [rng.pick(VolunteerRecord.knownPosts)]
      if rng.chance(0.4) {
        let p = rng.pick(VolunteerRecord.knownPosts)
        if !posts.contains(p) { posts.append(p) }
      }
      v.posts = posts
      v.reportedAt = rng.chance(0.9) ? anchor - .days(Int64(1 + rng.below(20))) : nil
      v.onPostAt = v.reportedAt != nil && rng.chance(0.55) ? anchor - .minutes(Int64(rng.below(600))) : nil
      vols[i] = v
    }
    if !vols.isEmpty { _ = try store.saveVolunteers(vols) }
    let cases = try store.helpCases(under: root.id, filter: HelpFilter(), limit: maxOrders).rows
    let names = vols.map(\.name)
    var opened = 0
    for (n, row) in cases.enumerated() {
      let kind = rng.pick(OrderKind.allCases)
      let at = anchor - .minutes(Int64(5 + rng.below(24 * 60 - 5)))
      let id = "demo-order-\(n + 1)"
      _ = try store.openOrder(
        OrderOpenRequest(
          id: id, householdID: row.helpCase.householdID, kind: kind, items: rng.pick(items[kind]!),
          openedBy: rng.chance(0.5) ? "居民电话" : row.helpCase.helperName, at: at, source: "demo"))
      opened += 1
      guard !names.isEmpty, rng.chance(0.93) else { continue }  // some stay unclaimed (late after 30 min)
      let claimAt = at + .minutes(Int64(2 + rng.below(45)))
      guard claimAt <= anchor else { continue }
      let who = rng.pick(names)
      _ = try store.act(on: id, .claim(volunteer: who), eventID: id + "-claim", at: claimAt, source: "demo")
      let closeAt = claimAt + .minutes(Int64(15 + rng.below(240)))
      guard closeAt <= anchor, rng.chance(0.96) else { continue }
      let outcome: OrderOutcome = rng.chance(0.93) ? .delivered : .refused
      _ = try store.act(
        on: id, .close(outcome: outcome, by: who, note: outcome == .delivered ? "已送达" : "住户不需要了"),
        eventID: id + "-close", at: closeAt, source: "demo")
    }
    try DemoGreen.seed(store, anchor: anchor, rng: &rng)  // green flags get handled channels
    return (vols.count, opened)
  }
}
