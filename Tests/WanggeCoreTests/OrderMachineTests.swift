import Testing
import WanggeCore

@Suite struct OrderMachineTests {
  let t0 = Instant(epochSeconds: 1_795_000_000)

  func order() -> ServiceOrder {
    ServiceOrder(
      id: "o1", householdID: 5, kind: .medicine, items: "降压药", openedBy: "张三", openedAt: t0,
      deadlines: OrderDeadlines(claimWithin: .minutes(30), closeWithin: .hours(2)))
  }

  @Test func openClaimClose() throws {
    var o = order()
    #expect(o.activeDeadline == t0 + .minutes(30))
    o = try OrderMachine.apply(.claim(volunteer: "李四"), to: o, at: t0 + .minutes(5))
    #expect(o.state == .claimed && o.activeDeadline == t0 + .hours(2))
    o = try OrderMachine.apply(.close(outcome: .delivered, by: "李四", note: "ok"), to: o, at: t0 + .hours(1))
    #expect(o.state == .closed && o.activeDeadline == nil && o.outcome == .delivered)
    #expect(throws: OrderProblem.closed(order: "o1", outcome: .delivered)) {
      try OrderMachine.apply(.claim(volunteer: "王五"), to: o, at: t0 + .hours(1))
    }
  }

  @Test func secondClaimNamesHolder() throws {
    let o = try OrderMachine.apply(.claim(volunteer: "李四"), to: order(), at: t0)
    #expect(throws: OrderProblem.claimedByOther(order: "o1", by: "李四", at: t0)) {
      try OrderMachine.apply(.claim(volunteer: "王五"), to: o, at: t0 + .minutes(1))
    }
    #expect(try OrderMachine.apply(.claim(volunteer: "李四"), to: o, at: t0 + .minutes(1)) == o)
    let back = try OrderMachine.apply(.release(by: "李四", note: "没空"), to: o, at: t0 + .minutes(2))
    #expect(back.state == .open && back.activeDeadline == t0 + .minutes(30))
  }

  @Test func deliverNeedsClaimButCancelDoesNot() throws {
    #expect(throws: OrderProblem.notClaimed(order: "o1")) {
      try OrderMachine.apply(.close(outcome: .delivered, by: "x", note: ""), to: order(), at: t0)
    }
    let c = try OrderMachine.apply(.close(outcome: .cancelled, by: "x", note: "不要了"), to: order(), at: t0)
    #expect(c.state == .closed)
  }

  @Test func overdueFromTheSecondAfterTheDeadline() {
    let o = order()
    #expect(!o.isOverdue(at: t0 + .minutes(30)))
    #expect(o.isOverdue(at: t0 + Span(seconds: 1801)))
    #expect(o.escalation(at: t0 + .minutes(30)) == .volunteer)
    #expect(o.escalation(at: t0 + Span(seconds: 1801)) == .station)
    #expect(o.escalation(at: t0 + Span(seconds: 1800 + 3601)) == .community)
  }

  @Test func greenChannelTakeResolveEscalate() throws {
    var g = GreenChannel(id: "g1", householdID: 5, kind: .medicine, raisedBy: "screening", openedAt: t0)
    #expect(g.escalation(at: t0 + .minutes(15)) == .volunteer)
    #expect(g.escalation(at: t0 + Span(seconds: 901)) == .station)
    #expect(g.escalation(at: t0 + Span(seconds: 1801)) == .community)
    g = try GreenMachine.apply(.take(by: "赵六"), to: g, at: t0 + .minutes(3))
    #expect(!g.isOverdue(at: t0 + .hours(1)))
    #expect(throws: GreenProblem.takenByOther(id: "g1", by: "赵六", at: t0 + .minutes(3))) {
      try GreenMachine.apply(.take(by: "钱七"), to: g, at: t0 + .minutes(4))
    }
    g = try GreenMachine.apply(.resolve(by: "赵六", outcome: "已送医"), to: g, at: t0 + .minutes(40))
    #expect(g.state == .resolved)
  }

  @Test func policyOverridesAndMedian() {
    var p = OrderPolicy()
    #expect(p.apply(override: "送药=20m/2h") == nil)
    #expect(p.deadlines(for: .medicine).claimWithin == .minutes(20))
    #expect(p.apply(override: "送药=3h/2h") != nil)
    #expect(p.apply(override: "买菜=1h/2h") != nil)
    #expect(CloseDurations.bucket(.minutes(4)) == 0)
    #expect(CloseDurations.bucket(.minutes(5)) == 1)
    #expect(CloseDurations.median([:]) == nil)
    let b = CloseDurations.bucket(.minutes(42))
    #expect(CloseDurations.median([0: 1, b: 2]) == Span(seconds: 2550))
  }
}
