import Foundation
import Testing
import WanggePostgres

/// LISTEN/NOTIFY between two connections: the live change feed's transport.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PGNotifyTests {
  @Test func aCommittedNotificationArrivesWithin250ms() throws {
    let scratch = try TestServer.scratch("notify")
    defer { scratch.drop() }
    let board = try scratch.connect()
    let writer = try scratch.connect()
    try board.listen("wangge_change")
    #expect(try board.notifications(waitingUpTo: .milliseconds(20)).isEmpty)
    let clock = ContinuousClock()
    var worst = Duration.zero
    for i in 0..<5 {
      let start = clock.now
      try writer.transaction { w in try w.notify("wangge_change", payload: "第\(i)次") }
      let got = try board.notifications(waitingUpTo: .seconds(1))
      let took = clock.now - start
      worst = max(worst, took)
      #expect(got.map(\.payload) == ["第\(i)次"])
      #expect(got.first?.channel == "wangge_change")
    }
    print("NOTIFY commit → LISTEN: worst of 5 \(worst)")
    #expect(worst < .milliseconds(250))
  }

  @Test func aRolledBackNotificationNeverArrives() throws {
    let scratch = try TestServer.scratch("notifyrb")
    defer { scratch.drop() }
    let board = try scratch.connect()
    let writer = try scratch.connect()
    try board.listen("wangge_change")
    struct Abort: Error {}
    #expect(throws: Abort.self) {
      try writer.transaction { w in
        try w.notify("wangge_change", payload: "never")
        throw Abort()
      }
    }
    #expect(try board.notifications(waitingUpTo: .milliseconds(100)).isEmpty)
  }

  @Test func theSchemaTriggersNotifyOnCommitOncePerTable() throws {
    let scratch = try TestServer.scratch("feed")
    defer { scratch.drop() }
    let board = try scratch.connect()
    let writer = try scratch.connect()
    try PostgresMigrator.migrate(writer)
    try board.listen(PostgresSchema.changeChannel)
    try writer.transaction { w in
      for i in 1...50 {
        try w.exec("INSERT INTO meta(key, value) VALUES ($1, $2)", ["k\(i)", "值\(i)"])
      }
      try w.exec("UPDATE task_sequence SET last = last + 1")
      // Not yet committed: nothing may reach the board.
      #expect(try board.notifications(waitingUpTo: .milliseconds(50)).isEmpty)
    }
    let got = try board.notifications(waitingUpTo: .seconds(1))
    var all = got
    all += try board.notifications(waitingUpTo: .milliseconds(50))
    #expect(Set(all.map(\.payload)) == ["meta", "task_sequence"])
    #expect(all.count == 2)
  }
}
