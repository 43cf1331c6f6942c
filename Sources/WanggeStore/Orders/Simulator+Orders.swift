import Foundation
import WanggeCore

extension Simulator {
  /// One step of the orders desk beside the events: now and then a household opens an order, the
  /// oldest unclaimed one is claimed, a claimed one is closed; rarely a green channel is raised, and
  /// untaken ones are taken after a few minutes and resolved later. Returns how many writes it made.
  @discardableResult
  func stepOrders(at now: Instant) throws -> Int {
    var writes = 0
    let root = try store.root()
    // Its own generator, so the events the simulator plans stay as they were without orders.
    let uptime = UInt64(ProcessInfo.processInfo.systemUptime * 1e9)
    var rng = SeededRandom(seed: uptime ^ UInt64(bitPattern: now.epochSeconds))
    let tag = "sim-o-\(ProcessInfo.processInfo.processIdentifier)-\(uptime)"
    if rng.chance(0.3) {
      let cases = try store.helpCases(under: root.id, filter: HelpFilter(), limit: 60).rows
      if !cases.isEmpty {
        let row = rng.pick(cases)
        let kind = rng.pick(OrderKind.allCases)
        _ = try store.openOrder(
          OrderOpenRequest(
            id: tag, householdID: row.helpCase.householdID, kind: kind,
            items: DemoOrders.items[kind].map { rng.pick($0) } ?? "", openedBy: "居民电话", at: now, source: "sim"
          ))
        writes += 1
      }
    }
    let orders = try store.orders(under: root.id, at: now, closedWithin: Span(seconds: 0), limit: 40)
    let names = try store.volunteers(under: root.id, at: now, limit: 200).map(\.volunteer.name)
    if let open = orders.first(where: { $0.order.state == .open && $0.order.openedAt < now }), !names.isEmpty,
      rng.chance(0.5)
    {
      _ = try? store.act(
        on: open.order.id, .claim(volunteer: rng.pick(names)), eventID: tag + "-c", at: now, source: "sim")
      writes += 1
    }
    if let held = orders.first(where: {
      $0.order.state == .claimed && ($0.order.claimedAt ?? now) < now - .minutes(10)
    }),
      rng.chance(0.4)
    {
      _ = try? store.act(
        on: held.order.id, .close(outcome: .delivered, by: held.order.claimedBy ?? "sim", note: "已送达"),
        eventID: tag + "-x", at: now, source: "sim")
      writes += 1
    }
    let greens = try store.greenChannels(under: root.id, at: now, limit: 20)
    if greens.filter({ $0.channel.state != .resolved }).count < 2, rng.chance(0.01) {
      let cases = try store.helpCases(under: root.id, filter: HelpFilter(), limit: 60).rows
      if !cases.isEmpty {
        _ = try store.openGreen(
          GreenOpenRequest(
            id: tag + "-g", householdID: rng.pick(cases).helpCase.householdID,
            kind: rng.pick(GreenKind.allCases),
            raisedBy: "网格员", at: now, source: "sim"))
        writes += 1
      }
    }
    for g in greens {
      if g.channel.state == .open, g.channel.openedAt < now - .minutes(5), rng.chance(0.3) {
        _ = try? store.act(
          onGreen: g.channel.id, .take(by: "值班站长"), eventID: tag + "-t-" + g.channel.id, at: now,
          source: "sim")
        writes += 1
      } else if g.channel.state == .taken, (g.channel.takenAt ?? now) < now - .minutes(10), rng.chance(0.3) {
        _ = try? store.act(
          onGreen: g.channel.id, .resolve(by: g.channel.takenBy ?? "值班站长", outcome: "已处置"),
          eventID: tag + "-r-" + g.channel.id, at: now, source: "sim")
        writes += 1
      }
    }
    return writes
  }
}
