import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Meeting decisions that become a task or a service order in the same transaction, per engine.
@Suite struct DecisionConformanceTests {
  let now = ConformanceEngine.anchor

  func community(_ store: any GridStore) throws -> Place {
    var place = try store.root()
    for _ in 0..<2 { place = try #require(try store.children(of: place.id).first) }
    return place
  }

  @Test(arguments: ConformanceEngine.all)
  func aTaskDecisionDispatchesAndFollowsItsUnits(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let scope = try community(store)
    let request = DispatchRequest(
      scopeID: scope.id, type: .screening, title: "全员排查", ackWithin: .hours(2), finishWithin: .hours(10),
      operatorName: "测试", issuedAt: now)
    let d = try store.addDecision(
      place: scope.id, text: "明早8点前全员排查", owner: "第一书记", due: nil, at: now, becomes: .task(request))
    let taskID = try #require(d.taskID)
    #expect(d.due == now + .hours(10), "the due time is the task's finish deadline")
    let task = try #require(
      try store.tasks(in: scope.id, at: now, window: .days(7)).first { $0.task.id == taskID })
    #expect(task.task.scopeID == scope.id && task.task.type == .screening)
    #expect(task.deadlines.ack == now + .hours(2) && task.deadlines.finish == now + .hours(10))
    let units = try store.assignments(of: taskID, under: scope.id, at: now, limit: 100_000)
    #expect(d.progress == .task(finished: 0, assigned: units.count))
    #expect(d.stateText(at: now) == "进行中 0/\(units.count) 单元已完成")
    _ = try store.ingest(
      [
        GridEvent(
          id: "f-1", at: now + .hours(1),
          kind: .finished(task: taskID, unit: .id(units[0].unitID), result: nil))
      ],
      recordedAt: now + .hours(1), source: "test")
    let one = try #require(try store.decisions(of: scope.id, at: now + .hours(1)).first)
    #expect(one.progress == .task(finished: 1, assigned: units.count))
    #expect(one.state(at: now + .hours(10)) == (units.count == 1 ? .done : .open))
    #expect(one.state(at: now + .hours(10) + Span(seconds: 1)) == (units.count == 1 ? .done : .overdue))
    let rest = units.dropFirst().enumerated().map { i, u in
      GridEvent(
        id: "f-r\(i)", at: now + .hours(2), kind: .finished(task: taskID, unit: .id(u.unitID), result: nil))
    }
    _ = try store.ingest(rest, recordedAt: now + .hours(2), source: "test")
    let all = try #require(try store.decisions(of: scope.id, at: now + .hours(2)).first)
    #expect(all.state(at: now + .hours(20)) == .done, "done when every unit finished, even past due")
    #expect(all.stateText(at: now + .hours(2)) == "已完成 \(units.count)/\(units.count) 单元")
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func anOrderDecisionOpensTheOrderAndFollowsIt(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let row = try #require(try store.helpCases(under: root.id, filter: HelpFilter(), limit: 1).rows.first)
    let household = row.helpCase.householdID
    let request = OrderOpenRequest(
      id: "dec-o-1", householdID: household, kind: .medicine, items: "降压药", openedBy: "例会", at: now,
      source: "test")
    let d = try store.addDecision(
      place: root.id, text: "给独居老人送药", owner: "楼长", due: nil, at: now, becomes: .order(request))
    #expect(d.orderID == "dec-o-1")
    #expect(d.progress == .order(.open, nil))
    #expect(d.stateText(at: now) == "进行中 工单待领")
    _ = try store.act(
      on: "dec-o-1", .claim(volunteer: "张三"), eventID: "c1", at: now + .minutes(5), source: "t")
    _ = try store.act(
      on: "dec-o-1", .close(outcome: .delivered, by: "张三", note: ""), eventID: "c2", at: now + .minutes(50),
      source: "t")
    let closed = try #require(try store.decisions(of: root.id, at: now + .hours(1)).first)
    #expect(closed.state(at: now + .hours(1)) == .done)
    #expect(closed.stateText(at: now + .hours(1)) == "工单已结（已送达）")
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func aRefusedTaskOrOrderLeavesNoDecisionBehind(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let root = try store.root()
    let streets = try store.children(of: root.id)
    try #require(streets.count >= 2)
    let row = try #require(try store.helpCases(under: root.id, filter: HelpFilter(), limit: 50).rows.first)
    var chain = [row.unitID]
    while let p = try store.place(id: chain.last!)?.parentID { chain.append(p) }
    let outside = try #require(streets.first { !chain.contains($0.id) })
    let order = OrderOpenRequest(
      id: "dec-o-out", householdID: row.helpCase.householdID, kind: .purchase, items: "米", openedBy: "x",
      at: now,
      source: "test")
    let tasksBefore = try store.tasks(in: root.id, at: now, window: .days(7)).count
    #expect {
      try store.addDecision(
        place: outside.id, text: "送米", owner: "楼长", due: nil, at: now, becomes: .order(order))
    } throws: { ($0 as? MeetingInputError)?.description.hasPrefix("--household") == true }
    let wrongScope = DispatchRequest(
      scopeID: root.id, type: .notice, title: "通知", operatorName: "x", issuedAt: now)
    #expect(throws: MeetingInputError.self) {
      try store.addDecision(
        place: outside.id, text: "通知", owner: "x", due: nil, at: now, becomes: .task(wrongScope))
    }
    let tooShort = DispatchRequest(
      scopeID: outside.id, type: .notice, title: "通知", ackWithin: .hours(3), finishWithin: .hours(1),
      operatorName: "x", issuedAt: now)
    #expect(throws: TaskDeskError.self) {
      try store.addDecision(
        place: outside.id, text: "通知", owner: "x", due: nil, at: now, becomes: .task(tooShort))
    }
    #expect(try store.decisions(of: outside.id, at: now).isEmpty)
    #expect(try store.orders(under: root.id, at: now, closedWithin: .days(1), limit: 10).isEmpty)
    #expect(try store.tasks(in: root.id, at: now, window: .days(7)).count == tasksBefore)
  }
}
