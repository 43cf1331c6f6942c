import Foundation
import GRDB
import Testing
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// Dispatch, withdraw, reminders and rankings against the raw rows and the recount.
@Suite(.serialized) struct DispatchTests {
  @Test func aDispatchAssignsEveryUnitOnceWithTalliesAndAnAuditRecord() throws {
    let store = try TestStores.make(.tiny)
    defer { TestStores.cleanup(store) }
    let scope = try #require(store.children(of: try store.root().id).first)
    let fan = try store.fanOut(of: scope.id)
    let receipt = try store.dispatch(
      DispatchRequest(
        scopeID: scope.id, type: .screening, title: "排查", operatorName: "张三", issuedAt: TestStores.anchor))
    #expect(receipt.assignments == fan.units && fan.units > 0)
    let (assignments, distinct, audit) = try store.pool.read { db in
      (
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM assignment WHERE task_id = ?", arguments: [receipt.taskID])!,
        try Int.fetchOne(
          db, sql: "SELECT count(DISTINCT unit_id) FROM assignment WHERE task_id = ?",
          arguments: [receipt.taskID])!,
        try Row.fetchOne(
          db, sql: "SELECT operator, action, scope_id FROM audit WHERE task_id = ?",
          arguments: [receipt.taskID])
      )
    }
    #expect(assignments == fan.units && distinct == fan.units)
    #expect(audit?[0] == "张三" && audit?[1] == "dispatch" && audit?[2] == scope.id)
    #expect(try store.verify().isEmpty)
    let task = try #require(try store.tasks(in: scope.id, at: TestStores.anchor, window: .days(1)).first)
    #expect(
      task.task.id == receipt.taskID && task.tally.assigned == fan.units && task.escalation == .unitLeader)
    let rootTask = try #require(
      try store.tasks(in: try store.root().id, at: TestStores.anchor, window: .days(1)).first)
    #expect(rootTask.tally.assigned == fan.units, "ancestors count the new assignments too")
  }

  @Test func withdrawLeavesOnlyTheAuditRecords() throws {
    let store = try TestStores.make(.tiny)
    defer { TestStores.cleanup(store) }
    let root = try store.root()
    let before = try TestStores.digest(store)
    let receipt = try store.dispatch(
      DispatchRequest(
        scopeID: root.id, type: .notice, title: "通知", operatorName: "李四", issuedAt: TestStores.anchor))
    try store.withdraw(task: receipt.taskID, operator: "李四", at: TestStores.anchor + Span(seconds: 5))
    let actions = try store.pool.read { db in
      try String.fetchAll(
        db, sql: "SELECT action FROM audit WHERE task_id = ? ORDER BY id", arguments: [receipt.taskID])
    }
    #expect(actions == ["dispatch", "withdraw"])
    try store.writer.write { db in
      try db.execute(sql: "DROP TRIGGER audit_no_delete")  // the trail is append-only; the test compares the rest
      try db.execute(sql: "DELETE FROM audit")
      try db.execute(sql: "UPDATE task_sequence SET last = last - 1")  // the withdrawn id stays used
    }
    #expect(try TestStores.digest(store) == before, "nothing but the audit trail and the used id remain")
    #expect(try store.verify().isEmpty)
  }

  @Test func anAcknowledgedTaskCannotBeWithdrawn() throws {
    let store = try TestStores.make(.tiny)
    defer { TestStores.cleanup(store) }
    let root = try store.root()
    let receipt = try store.dispatch(
      DispatchRequest(
        scopeID: root.id, type: .notice, title: "通知", operatorName: "x", issuedAt: TestStores.anchor))
    let unit = try store.pool.read { db in
      try Int64.fetchOne(
        db, sql: "SELECT unit_id FROM assignment WHERE task_id = ? LIMIT 1", arguments: [receipt.taskID])!
    }
    _ = try store.ingest(
      [
        GridEvent(id: "a1", at: TestStores.anchor, kind: .acknowledged(task: receipt.taskID, unit: .id(unit)))
      ],
      recordedAt: TestStores.anchor)
    #expect(throws: TaskDeskError.alreadyAcknowledged(task: receipt.taskID, count: 1)) {
      try store.withdraw(task: receipt.taskID, operator: "x", at: TestStores.anchor)
    }
  }

  @Test func remindersGoToOverdueLeadersAndEscalationClimbs() throws {
    let store = try TestStores.make(.tiny)
    defer { TestStores.cleanup(store) }
    let root = try store.root()
    let receipt = try store.dispatch(
      DispatchRequest(
        scopeID: root.id, type: .screening, title: "排查", operatorName: "x", issuedAt: TestStores.anchor))
    let units = try store.pool.read { db in
      try Int64.fetchAll(
        db, sql: "SELECT unit_id FROM assignment WHERE task_id = ?", arguments: [receipt.taskID])
    }
    _ = try store.ingest(
      [
        GridEvent(
          id: "ok", at: TestStores.anchor + .hours(1),
          kind: .acknowledged(task: receipt.taskID, unit: .id(units[0])))
      ],
      recordedAt: TestStores.anchor + .hours(1))
    let deadline = TestStores.anchor + .hours(3)
    #expect(try store.remind(task: receipt.taskID, under: root.id, operator: "x", at: deadline) == 0)
    let late = deadline + .hours(1) + Span(seconds: 1)
    #expect(
      try store.remind(task: receipt.taskID, under: root.id, operator: "x", at: late) == units.count - 1)
    let summary = try #require(try store.tasks(in: root.id, at: late, window: .days(1)).first)
    #expect(summary.escalation == .departmentAndStation && summary.reminders == units.count - 1)
    let details = try store.assignments(of: receipt.taskID, under: root.id, at: late, limit: 5)
    #expect(details.first?.state == .acknowledgementOverdue && details.first?.lateBy == 3601)
    let ranked = try store.rankings(
      by: .department, task: receipt.taskID, under: root.id, at: late, window: .days(1))
    #expect(ranked.reduce(0) { $0 + $1.tally.assigned } == units.count)
    #expect(ranked.first?.tally.acknowledgedOnTime == 1, "the department that acknowledged ranks first")
  }
}
