import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// Dispatch, withdraw and remind on PostgreSQL write what the SQLite engine writes on the same rows.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresDispatchTests {
  @Test func dispatchWithdrawAndRemindWriteTheSameRows() throws {
    let p = try PostgresIngestTests.pair("dispatch")
    defer { p.cleanup() }
    let now = SQLiteFixture.anchor
    let root = try p.sqlite.root()
    let district = try #require(try p.sqlite.children(of: root.id).first)
    let community = try #require(try p.sqlite.children(of: district.id).first)
    let unit = p.pending[0]
    var receipts: [DispatchReceipt] = []
    for (i, scope) in [root.id, district.id, community.id, unit].enumerated() {
      let request = DispatchRequest(
        scopeID: scope, type: .notice, title: "通知 \(i)", details: "第\(i)条", operatorName: "值班员",
        issuedAt: now - .minutes(Int64(30 - i)))
      let a = try p.pg.dispatch(request)
      let b = try p.sqlite.dispatch(request)
      #expect(a == b)
      receipts.append(a)
    }
    #expect(receipts[0].assignments > receipts[1].assignments && receipts[3].assignments == 1)
    try EngineComparison.expectSameReads(p.pg, p.sqlite, at: now)
    // A withdrawal refused once acknowledged, allowed before.
    let ack = [PostgresIngestTests.ack("d-1", receipts[1].taskID, .id(unit), now - .minutes(5))]
    _ = try p.pg.ingest(ack, recordedAt: now)
    _ = try p.sqlite.ingest(ack, recordedAt: now)
    let refused = try #require(throws: TaskDeskError.self) {
      try p.pg.withdraw(task: receipts[1].taskID, operator: "值班员", at: now)
    }
    #expect(refused == .alreadyAcknowledged(task: receipts[1].taskID, count: 1))
    #expect(throws: TaskDeskError.unknownTask(999_999)) {
      try p.pg.withdraw(task: 999_999, operator: "值班员", at: now)
    }
    try p.pg.withdraw(task: receipts[2].taskID, operator: "值班员", at: now)
    try p.sqlite.withdraw(task: receipts[2].taskID, operator: "值班员", at: now)
    // Reminders two days on, when every task is overdue somewhere.
    for r in receipts where r.taskID != receipts[2].taskID {
      let a = try p.pg.remind(task: r.taskID, under: root.id, operator: "值班员", at: now + .days(2))
      let b = try p.sqlite.remind(task: r.taskID, under: root.id, operator: "值班员", at: now + .days(2))
      #expect(a == b && a > 0)
      #expect(
        try p.pg.lastReminder(task: r.taskID, under: root.id)
          == p.sqlite.lastReminder(task: r.taskID, under: root.id))
    }
    // A task id is never handed out twice, withdrawn ones included.
    let next = DispatchRequest(
      scopeID: district.id, type: .screening, title: "筛查", operatorName: "值班员", issuedAt: now)
    let c = try p.pg.dispatch(next)
    #expect(c == (try p.sqlite.dispatch(next)))
    #expect(c.taskID > receipts.map(\.taskID).max()!)
    try EngineComparison.expectSameReads(p.pg, p.sqlite, at: now)
    let audit = try p.scratch.connect().exec(
      "SELECT at, operator, action, task_id, scope_id, detail FROM audit ORDER BY id"
    ).map { r in
      "\(try r.get(0, as: Int64.self)) \(try r.get(1, as: String.self)) \(try r.get(2, as: String.self)) "
        + "\(try r.optional(3, as: Int64.self) ?? -1) \(try r.optional(4, as: Int64.self) ?? -1) "
        + "\(try r.get(5, as: String.self))"
    }
    #expect(audit == (try p.sqliteAudit()))
    #expect(audit.filter { $0.contains(" withdraw ") }.count == 1)
    let empty = DispatchRequest(
      scopeID: 99_999_999, type: .notice, title: "x", operatorName: "值班员", issuedAt: now)
    #expect(throws: TaskDeskError.self) { try p.pg.dispatch(empty) }
    #expect(try p.pg.verify() == [])
  }

  @Test func aPlannerOnTheSameRowsPlansTheSameEvents() throws {
    let p = try PostgresIngestTests.pair("planner")
    defer { p.cleanup() }
    let now = SQLiteFixture.anchor
    let mine = try p.pg.eventPlanner(seed: 42)
    let theirs = try p.sqlite.eventPlanner(seed: 42)
    #expect(try mine.pendingAcknowledgements(at: now) == theirs.pendingAcknowledgements(at: now))
    #expect(try mine.newestTaskIssue() == theirs.newestTaskIssue())
    let scope = try mine.noticeScope()
    #expect(scope != nil)
    #expect(try theirs.noticeScope() != nil, "both planners draw the same random numbers")
    for step in 0..<3 {
      let at = now + .minutes(Int64(step))
      let a = try mine.plan(count: 40, at: at)
      let b = try theirs.plan(count: 40, at: at)
      #expect(a.count == 40 && b.count == 40)
      #expect(a.map { "\($0.0) \($0.1)" } == b.map { "\($0.0) \($0.1)" })
      let events = a.enumerated().map {
        GridEvent(id: "sim-\(step)-\($0.offset)", at: at, kind: $0.element.1)
      }
      let s = try p.pg.ingest(events, recordedAt: at, source: "sim")
      #expect(s == (try p.sqlite.ingest(events, recordedAt: at, source: "sim")))
      #expect(s.applied == events.count, "a planned event always changes something: \(s)")
    }
    try EngineComparison.expectSameReads(p.pg, p.sqlite, at: now)
  }
}
