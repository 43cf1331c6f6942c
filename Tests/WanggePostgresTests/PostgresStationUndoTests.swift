import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// A station on PostgreSQL takes back its own dispatch right after sending it (the board's `u`,
/// migration v7) without the DELETE privilege; anything else stays a commander's withdrawal.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresStationUndoTests {
  @Test func aStationUndoesItsOwnFreshDispatchOnly() throws {
    let g = try PostgresOperatorTests.grid("undo")
    defer { g.drop() }
    let station = try g.store(g.names.station)
    let now = SQLiteFixture.anchor
    func send() throws -> Int64 {
      try station.dispatch(
        DispatchRequest(
          scopeID: g.compound, type: .notice, title: "通知", operatorName: g.names.station, issuedAt: now)
      ).taskID
    }
    let fresh = try send()
    try station.withdraw(task: fresh, operator: g.names.station, at: now + Span(seconds: 5))
    #expect(try g.owner.tasks(in: g.compound, at: now, window: .days(7)).allSatisfy { $0.task.id != fresh })
    #expect(try g.owner.verify().isEmpty, "the rollups above the scope went with it")
    let trail = try g.owner.auditTrail(AuditQuery(operatorName: g.names.station))
    #expect(trail.first?.action == "withdraw" && trail.first?.taskID == fresh)

    let late = try send()
    #expect(
      throws: OperatorError.notAllowed(operator: g.names.station, role: .station, action: .withdraw),
      "after the undo window only a commander withdraws"
    ) { try station.withdraw(task: late, operator: g.names.station, at: now + Span(seconds: 120)) }
    #expect(
      throws: OperatorError.notAllowed(operator: g.names.station, role: .station, action: .withdraw),
      "another operator's task"
    ) { try station.withdraw(task: g.task, operator: g.names.station, at: now) }

    let acked = try send()
    let unit = g.insideUnits[0]
    _ = try station.ingest(
      [GridEvent(id: "undo-ack", at: now, kind: .acknowledged(task: acked, unit: .id(unit)))],
      recordedAt: now,
      source: g.names.station)
    #expect(throws: TaskDeskError.alreadyAcknowledged(task: acked, count: 1)) {
      try station.withdraw(task: acked, operator: g.names.station, at: now + Span(seconds: 2))
    }
    let viewer = try g.connect(g.names.viewer)
    #expect(throws: PGError.self, "a viewer may not call it") {
      try viewer.exec("SELECT wangge_undo_dispatch($1, $2)", [late, now.epochSeconds])
    }
    #expect(try g.owner.verify().isEmpty)
  }
}
