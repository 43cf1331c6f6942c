import Foundation
import Testing
import WanggeCore
import WanggeStore

/// Dispatch, withdraw, reminders, rankings, board reads and the change token through the contract,
/// per engine.
@Suite struct TaskDeskConformanceTests {
  let now = ConformanceEngine.anchor

  func community(_ store: any GridStore) throws -> Place {
    let root = try store.root()
    var place = root
    // Two levels down: a street's first community (every preset has one).
    for _ in 0..<2 { place = try #require(try store.children(of: place.id).first) }
    return place
  }

  @Test(arguments: ConformanceEngine.all)
  func dispatchAssignsEveryUnitAndEveryAncestorCountsIt(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let scope = try community(store)
    let fan = try store.fanOut(of: scope.id)
    let receipt = try store.dispatch(
      DispatchRequest(scopeID: scope.id, type: .screening, title: "一致性排查", operatorName: "测试", issuedAt: now))
    #expect(receipt.assignments == fan.units)
    for place in [scope, try store.root()] {
      let t = try #require(
        try store.tasks(in: place.id, at: now, window: .days(7)).first { $0.task.id == receipt.taskID })
      #expect(t.tally.assigned == fan.units)
      #expect(t.tally.acknowledged == 0)
    }
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func withdrawRemovesAnUnacknowledgedTaskAndRefusesAnAcknowledgedOne(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let scope = try community(store)
    let root = try store.root()
    let before = try store.figures(for: [root.id], at: now, window: .days(7))
    let first = try store.dispatch(
      DispatchRequest(scopeID: scope.id, type: .notice, title: "误发", operatorName: "测试", issuedAt: now))
    try store.withdraw(task: first.taskID, operator: "测试", at: now)
    #expect(try store.tasks(in: root.id, at: now, window: .days(7)).allSatisfy { $0.task.id != first.taskID })
    #expect(try store.figures(for: [root.id], at: now, window: .days(7)) == before)
    let second = try store.dispatch(
      DispatchRequest(scopeID: scope.id, type: .notice, title: "已读", operatorName: "测试", issuedAt: now))
    #expect(second.taskID > first.taskID, "task ids are never reused")
    let unit = try #require(try store.assignments(of: second.taskID, under: root.id, at: now, limit: 1).first)
    _ = try store.ingest(
      [GridEvent(id: "c-read", at: now, kind: .acknowledged(task: second.taskID, unit: .id(unit.unitID)))],
      recordedAt: now, source: "test")
    #expect(throws: TaskDeskError.self) { try store.withdraw(task: second.taskID, operator: "测试", at: now) }
    #expect(try store.verify().isEmpty)
  }

  @Test(arguments: ConformanceEngine.all)
  func remindersGoOnlyToLeadersOverdueNow(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let scope = try community(store)
    let receipt = try store.dispatch(
      DispatchRequest(scopeID: scope.id, type: .screening, title: "提醒", operatorName: "测试", issuedAt: now))
    #expect(try store.remind(task: receipt.taskID, under: scope.id, operator: "测试", at: now + .hours(2)) == 0)
    let units = try store.assignments(of: receipt.taskID, under: scope.id, at: now, limit: 100_000)
    _ = try store.ingest(
      [
        GridEvent(
          id: "c-on-time", at: now + .hours(1),
          kind: .acknowledged(task: receipt.taskID, unit: .id(units[0].unitID)))
      ],
      recordedAt: now + .hours(1), source: "test")
    let reminded = try store.remind(
      task: receipt.taskID, under: scope.id, operator: "测试", at: now + .hours(3) + Span(seconds: 1))
    #expect(reminded == units.count - 1)
    let t = try #require(
      try store.tasks(in: scope.id, at: now + .hours(4), window: .days(7)).first {
        $0.task.id == receipt.taskID
      })
    #expect(t.reminders == reminded)
  }

  @Test(arguments: ConformanceEngine.all)
  func theLastReminderIsReadUnderItsScope(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let scope = try community(store)
    let receipt = try store.dispatch(
      DispatchRequest(scopeID: scope.id, type: .screening, title: "再提醒", operatorName: "测试", issuedAt: now))
    #expect(try store.lastReminder(task: receipt.taskID, under: scope.id) == nil)
    let first = now + .hours(3) + Span(seconds: 1)
    #expect(try store.remind(task: receipt.taskID, under: scope.id, operator: "测试", at: first) > 0)
    #expect(try store.lastReminder(task: receipt.taskID, under: scope.id) == first)
    let second = first + .minutes(10)
    _ = try store.remind(task: receipt.taskID, under: scope.id, operator: "测试", at: second)
    #expect(try store.lastReminder(task: receipt.taskID, under: try store.root().id) == second)
    // Another community holds none of these units: no reminder went there.
    let street = try #require(scope.parentID)
    if let other = try store.children(of: street).first(where: { $0.id != scope.id }) {
      #expect(try store.lastReminder(task: receipt.taskID, under: other.id) == nil)
    }
  }

  @Test(arguments: ConformanceEngine.all, RankingDimension.allCases)
  func rankingsAddUpToTheTasksTally(engine: ConformanceEngine, by dimension: RankingDimension) throws {
    let store = try engine.store()
    let root = try store.root()
    let task = try #require(try store.tasks(in: root.id, at: now, window: .days(7)).first)
    let rows = try store.rankings(
      by: dimension, task: task.task.id, under: root.id, at: now, window: .days(7))
    var sum = TaskTally()
    for row in rows { sum.add(row.tally) }
    #expect(sum == task.tally)
    let rates = rows.compactMap(\.ackRate)
    #expect(rates == rates.sorted(by: >), "ranked best first")
  }

  @Test(arguments: ConformanceEngine.all)
  func boardReadsAgreeWithTheFigures(engine: ConformanceEngine) throws {
    let store = try engine.store(.jiaohe, seed: 1)
    let root = try store.root()
    var station = root
    while !station.hasStation { station = try #require(try store.children(of: station.id).first) }
    let figures = try #require(try store.figures(for: [station.id], at: now, window: .days(7))[station.id])
    let units = try store.stationUnits(under: station.id, at: now, window: .days(7))
    #expect(units.count == figures.units)
    #expect(units.reduce(0) { $0 + $1.households } == figures.households)
    let help = try store.helpCases(under: station.id, filter: HelpFilter(), limit: 10_000)
    #expect(help.total == figures.helpCases)
    let unit = try #require(units.first)
    #expect(try store.households(ofUnit: unit.unitID).count == unit.households)
  }

  @Test(arguments: ConformanceEngine.all)
  func aCommitFromAnotherConnectionChangesTheTokenAndAReadDoesNot(engine: ConformanceEngine) throws {
    let store = try engine.store()
    let reader = try engine.reopen(store, mode: .read)
    let token = try reader.changeToken()
    _ = try reader.placeReport(try reader.root(), at: now, window: .days(7))
    #expect(try reader.changeToken() == token, "reading changes nothing")
    let root = try store.root()
    let scope = try #require(try store.children(of: root.id).first)
    _ = try store.dispatch(
      DispatchRequest(scopeID: scope.id, type: .notice, title: "信号", operatorName: "测试", issuedAt: now))
    #expect(try reader.changeToken() != token)
    #expect(throws: (any Error).self) {
      try reader.ingest(
        [GridEvent(id: "c-ro", at: now, kind: .groupBuilt(unit: .id(scope.id)))], recordedAt: now,
        source: "test")
    }
  }
}
