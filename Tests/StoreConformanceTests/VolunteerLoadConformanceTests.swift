import Testing
import WanggeCore
import WanggeStore

/// The 志愿者 view's figures as rollups, on every engine: a claim adds one order in hand to the holder
/// and to every ancestor of the order's household, a release or close takes it off; saving a volunteer
/// moves reported / on post today in every ancestor of their place; `verify` recounts all of it.
@Suite struct VolunteerLoadConformanceTests {
  let t0 = ConformanceEngine.anchor

  func chain(_ store: any GridStore) throws -> (household: Int64, chain: [Int64]) {
    let root = try store.root()
    let row = try #require(
      store.helpCases(under: root.id, filter: HelpFilter(), limit: 50).rows.first {
        !$0.helpCase.greenChannel
      })
    var chain = [row.unitID]
    while let p = try store.place(id: chain.last!)?.parentID { chain.append(p) }
    return (row.helpCase.householdID, chain)
  }

  func inHand(_ store: any GridStore, _ name: String, under scope: Int64) throws -> Int? {
    try store.volunteers(under: scope, at: t0, limit: 100_000).first { $0.volunteer.name == name }?
      .ordersInHand
  }

  @Test(arguments: ConformanceEngine.all)
  func claimReleaseAndCloseMoveOrdersInHandForTheHolderAndEveryAncestor(_ e: ConformanceEngine) throws {
    let store = try e.store()
    let (household, chain) = try chain(store)
    let v = VolunteerRecord(
      id: 900_101, name: "党员乙", phone: "", isPartyMember: true, placeID: chain[0], reportedAt: t0)
    _ = try store.saveVolunteers([v])
    let base = try chain.map { try store.volunteerFigures(of: $0, at: t0) }
    for id in ["l-1", "l-2"] {
      _ = try store.openOrder(
        OrderOpenRequest(
          id: id, householdID: household, kind: .purchase, items: "菜", openedBy: "x", at: t0, source: "test"))
      _ = try store.act(on: id, .claim(volunteer: "党员乙"), eventID: id + "-c", at: t0, source: "test")
    }
    #expect(try inHand(store, "党员乙", under: chain[0]) == 2)
    for (i, p) in chain.enumerated() {
      #expect(try store.volunteerFigures(of: p, at: t0).inHand == base[i].inHand + 2, "in hand in place \(p)")
    }
    _ = try store.act(
      on: "l-1", .release(by: "党员乙", note: "有事"), eventID: "l-1-r", at: t0 + .minutes(1), source: "test")
    _ = try store.act(
      on: "l-2", .close(outcome: .delivered, by: "党员乙", note: ""), eventID: "l-2-x", at: t0 + .minutes(2),
      source: "test")
    #expect(try inHand(store, "党员乙", under: chain[0]) == 0)
    for (i, p) in chain.enumerated() {
      #expect(try store.volunteerFigures(of: p, at: t0).inHand == base[i].inHand, "back in place \(p)")
    }
    #expect(try store.verify() == [])
  }

  @Test(arguments: ConformanceEngine.all)
  func savingAVolunteerMovesReportedAndOnPostInEveryAncestor(_ e: ConformanceEngine) throws {
    let store = try e.store()
    let (_, chain) = try chain(store)
    let base = try chain.map { try store.volunteerFigures(of: $0, at: t0) }
    let nextDay = try chain.map { try store.volunteerFigures(of: $0, at: t0 + .days(1)) }
    var v = VolunteerRecord(id: 900_102, name: "群众丙", phone: "", isPartyMember: false, placeID: chain[0])
    _ = try store.saveVolunteers([v])
    v.reportedAt = t0 - .days(2)
    v.onPostAt = t0 - .minutes(5)
    _ = try store.saveVolunteers([v])  // saved again: replaced, not counted twice
    for (i, p) in chain.enumerated() {
      let f = try store.volunteerFigures(of: p, at: t0)
      #expect(f.volunteers == base[i].volunteers + 1 && f.reported == base[i].reported + 1, "place \(p)")
      #expect(f.onPostToday == base[i].onPostToday + 1, "on post today in place \(p)")
      #expect(try store.volunteerFigures(of: p, at: t0 + .days(1)).onPostToday == nextDay[i].onPostToday)
    }
    v.onPostAt = nil
    _ = try store.saveVolunteers([v])
    #expect(try store.volunteerFigures(of: chain[0], at: t0).onPostToday == base[0].onPostToday)
    #expect(try store.verify() == [])
  }
}
