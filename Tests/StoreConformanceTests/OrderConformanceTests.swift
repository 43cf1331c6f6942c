import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Service orders and handled green channels through the contract, on every engine: the state
/// machine, rollups in every ancestor, overdue at the deadline second, the claim race, `verify`.
@Suite struct OrderConformanceTests {
  let t0 = ConformanceEngine.anchor

  struct Target {
    var household: Int64
    var chain: [Int64]  // unit first, root last
  }

  func target(_ store: any GridStore, green: Bool = false) throws -> Target {
    let root = try store.root()
    let row = try #require(
      store.helpCases(under: root.id, filter: HelpFilter(), limit: 50).rows.first {
        $0.helpCase.greenChannel == green
      })
    var chain = [row.unitID]
    while let p = try store.place(id: chain.last!)?.parentID { chain.append(p) }
    return Target(household: row.helpCase.householdID, chain: chain)
  }

  func figures(_ store: any GridStore, _ t: Target, at: Instant) throws -> [OrderFigures] {
    let f = try store.orderFigures(for: t.chain, at: at)
    return t.chain.map { f[$0] ?? OrderFigures() }
  }

  @Test(arguments: ConformanceEngine.all)
  func openClaimCloseWithRollupsInEveryAncestor(_ e: ConformanceEngine) throws {
    let store = try e.store()
    let t = try target(store)
    let base = try figures(store, t, at: t0)
    let opened = try store.openOrder(
      OrderOpenRequest(
        id: "o-1", householdID: t.household, kind: .medicine, items: "降压药", openedBy: "居民电话", at: t0,
        deadlines: OrderDeadlines(claimWithin: .minutes(30), closeWithin: .hours(2)), source: "test"))
    #expect(opened.applied && opened.value.claimBy == t0 + .minutes(30))
    let again = try store.openOrder(
      OrderOpenRequest(
        id: "o-1", householdID: t.household, kind: .medicine, items: "降压药", openedBy: "居民电话", at: t0,
        deadlines: OrderDeadlines(claimWithin: .minutes(30), closeWithin: .hours(2)), source: "test"))
    #expect(!again.applied)
    let atDeadline = try figures(store, t, at: t0 + .minutes(30))
    let justAfter = try figures(store, t, at: t0 + .minutes(30) + Span(seconds: 1))
    for i in t.chain.indices {
      #expect(atDeadline[i].unclaimed == base[i].unclaimed + 1, "unclaimed in place \(t.chain[i])")
      #expect(atDeadline[i].open == base[i].open + 1)
      #expect(atDeadline[i].overdue == base[i].overdue, "not overdue at the deadline second")
      #expect(justAfter[i].overdue == base[i].overdue + 1, "overdue one second later, in place \(t.chain[i])")
    }
    let claimAt = t0 + .minutes(40)
    let claimed = try store.act(
      on: "o-1", .claim(volunteer: "李红"), eventID: "c-1", at: claimAt, source: "test")
    #expect(claimed.value.state == .claimed && claimed.value.claimedBy == "李红")
    let afterClaim = try figures(store, t, at: claimAt)
    #expect(afterClaim[0].unclaimed == base[0].unclaimed && afterClaim[0].open == base[0].open + 1)
    #expect(afterClaim[0].overdue == base[0].overdue, "claimed: the close deadline (2 h) counts now")
    #expect(
      try store.act(on: "o-1", .claim(volunteer: "李红"), eventID: "c-1", at: claimAt, source: "test").applied
        == false)
    #expect(throws: OrderDeskError.conflictingID("c-1")) {
      try store.act(on: "o-1", .claim(volunteer: "王强"), eventID: "c-1", at: claimAt, source: "test")
    }
    let closeAt = t0 + .minutes(75)
    _ = try store.act(
      on: "o-1", .close(outcome: .delivered, by: "李红", note: "已送到"), eventID: "x-1", at: closeAt,
      source: "test")
    let closed = try figures(store, t, at: closeAt)
    for i in t.chain.indices {
      #expect(closed[i].open == base[i].open && closed[i].closedToday == base[i].closedToday + 1)
      #expect(closed[i].medianClose != nil)
    }
    let list = try store.orders(under: t.chain.last!, at: closeAt, closedWithin: .days(1), limit: 10)
    #expect(
      list.contains { $0.order.id == "o-1" && $0.order.outcome == .delivered && $0.order.closedAt == closeAt }
    )
    #expect(try store.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all)
  func twoProcessesClaimingOneOrderExactlyOneWins(_ e: ConformanceEngine) throws {
    let store = try e.store()
    let t = try target(store)
    _ = try store.openOrder(
      OrderOpenRequest(
        id: "race", householdID: t.household, kind: .purchase, items: "米 油", openedBy: "楼长", at: t0,
        source: "test"))
    let other = try e.reopen(store, mode: .write)
    let stores = [store, other]
    let names = ["张伟", "刘芳"]
    final class Box: @unchecked Sendable {
      let lock = NSLock()
      var wins: [String] = []
      var losses: [OrderDeskError] = []
    }
    let box = Box()
    DispatchQueue.concurrentPerform(iterations: 2) { i in
      do {
        _ = try stores[i].act(
          on: "race", .claim(volunteer: names[i]), eventID: "claim-\(i)", at: t0 + .minutes(5), source: "test"
        )
        box.lock.withLock { box.wins.append(names[i]) }
      } catch let err as OrderDeskError {
        box.lock.withLock { box.losses.append(err) }
      } catch {
        Issue.record("unexpected \(error)")
      }
    }
    #expect(box.wins.count == 1 && box.losses.count == 1)
    let winner = try #require(box.wins.first)
    if case .order(.claimedByOther(_, let by, _)) = box.losses.first {
      #expect(by == winner)
      #expect(box.losses[0].description.contains(winner))
    } else {
      Issue.record("the loser was not told who holds it: \(box.losses)")
    }
    #expect(try store.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all)
  func releaseReopensAndCancelNeedsNoClaim(_ e: ConformanceEngine) throws {
    let store = try e.store()
    let t = try target(store)
    let base = try figures(store, t, at: t0)
    _ = try store.openOrder(
      OrderOpenRequest(
        id: "r", householdID: t.household, kind: .payment, items: "水电费", openedBy: "x", at: t0,
        source: "test"))
    _ = try store.act(on: "r", .claim(volunteer: "甲"), eventID: "r1", at: t0 + .minutes(1), source: "test")
    #expect(throws: OrderDeskError.order(.heldByOther(order: "r", by: "甲"))) {
      try store.act(on: "r", .release(by: "乙", note: ""), eventID: "r2", at: t0 + .minutes(2), source: "test")
    }
    let back = try store.act(
      on: "r", .release(by: "甲", note: "没空"), eventID: "r3", at: t0 + .minutes(2), source: "test")
    #expect(back.value.state == .open)
    #expect(try figures(store, t, at: t0 + .minutes(2))[0].unclaimed == base[0].unclaimed + 1)
    _ = try store.act(
      on: "r", .close(outcome: .cancelled, by: "x", note: "不需要了"), eventID: "r4", at: t0 + .minutes(3),
      source: "test")
    #expect(throws: OrderDeskError.order(.closed(order: "r", outcome: .cancelled))) {
      try store.act(on: "r", .claim(volunteer: "甲"), eventID: "r5", at: t0 + .minutes(4), source: "test")
    }
    #expect(throws: OrderDeskError.self) {
      try store.act(on: "nope", .claim(volunteer: "甲"), eventID: "r6", at: t0, source: "test")
    }
    #expect(try store.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all)
  func greenChannelEscalatesAtItsDeadlineAndTakingItClearsTheCount(_ e: ConformanceEngine) throws {
    let store = try e.store()
    let t = try target(store)
    let base = try figures(store, t, at: t0)
    _ = try store.openGreen(
      GreenOpenRequest(
        id: "g-1", householdID: t.household, kind: .medicine, raisedBy: "网格员", at: t0, source: "test"))
    let at15 = try figures(store, t, at: t0 + .minutes(15))
    let at15p1 = try figures(store, t, at: t0 + .minutes(15) + Span(seconds: 1))
    for i in t.chain.indices {
      #expect(at15[i].greenUntaken == base[i].greenUntaken + 1)
      #expect(at15[i].greenOverdue == base[i].greenOverdue)
      #expect(at15p1[i].greenOverdue == base[i].greenOverdue + 1, "escalated in place \(t.chain[i])")
    }
    if base[0].greenUntaken == 0 {
      #expect(at15p1[0].greenOldest == t0)
      #expect(at15p1[0].greenEscalation(at: t0 + .minutes(15) + Span(seconds: 1)) == .station)
    }
    _ = try store.act(
      onGreen: "g-1", .take(by: "王站长"), eventID: "g-1-take", at: t0 + .minutes(20), source: "test")
    #expect(throws: OrderDeskError.self) {
      try store.act(
        onGreen: "g-1", .take(by: "别人"), eventID: "g-1-take2", at: t0 + .minutes(21), source: "test")
    }
    let taken = try figures(store, t, at: t0 + .minutes(20))
    for i in t.chain.indices {
      #expect(taken[i].greenUntaken == base[i].greenUntaken && taken[i].greenOverdue == base[i].greenOverdue)
    }
    _ = try store.act(
      onGreen: "g-1", .resolve(by: "王站长", outcome: "已送医"), eventID: "g-1-done", at: t0 + .minutes(50),
      source: "test")
    let rows = try store.greenChannels(under: t.chain.last!, at: t0 + .minutes(50), limit: 50)
    #expect(rows.contains { $0.channel.id == "g-1" && $0.channel.state == .resolved })
    #expect(try store.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all)
  func theOldGreenEventOpensAndClosesAHandledChannel(_ e: ConformanceEngine) throws {
    let store = try e.store()
    let t = try target(store)
    let base = try figures(store, t, at: t0)
    _ = try store.ingest(
      [GridEvent(id: "legacy-green", at: t0, kind: .greenChannel(household: t.household, open: true))],
      recordedAt: t0, source: "screening")
    let rows = try store.greenChannels(under: t.chain[0], at: t0, limit: 10)
    let row = try #require(rows.first { $0.channel.id == "legacy-green" })
    #expect(row.channel.state == .open && row.channel.raisedBy == "screening" && row.channel.kind == .other)
    #expect(try figures(store, t, at: t0)[0].greenUntaken == base[0].greenUntaken + 1)
    _ = try store.ingest(
      [
        GridEvent(
          id: "legacy-green-off", at: t0 + .minutes(5),
          kind: .greenChannel(household: t.household, open: false))
      ],
      recordedAt: t0 + .minutes(5), source: "screening")
    #expect(try figures(store, t, at: t0 + .minutes(5))[0].greenUntaken == base[0].greenUntaken)
    #expect(try store.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all)
  func volunteersAreSavedAndListedWithOrdersInHand(_ e: ConformanceEngine) throws {
    let store = try e.store()
    let t = try target(store)
    let v = VolunteerRecord(
      id: 900_001, name: "党员甲", phone: "13800000001", isPartyMember: true, placeID: t.chain[1],
      homeUnit: "市税务局", team: "党员先锋队", posts: ["配送物资", "应急值守"], reportedAt: t0, onPostAt: t0)
    #expect(try store.saveVolunteers([v]) == 1)
    _ = try store.openOrder(
      OrderOpenRequest(
        id: "v-o", householdID: t.household, kind: .purchase, items: "菜", openedBy: "x", at: t0,
        source: "test"))
    _ = try store.act(on: "v-o", .claim(volunteer: "党员甲"), eventID: "v-c", at: t0, source: "test")
    let rows = try store.volunteers(under: t.chain[1], at: t0, limit: 10_000)
    let row = try #require(rows.first { $0.volunteer.id == 900_001 })
    #expect(row.volunteer == v && row.ordersInHand == 1 && row.volunteer.isOnPost(at: t0))
  }
}
