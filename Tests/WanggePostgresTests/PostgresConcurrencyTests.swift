import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// Eight writers, each with its own connection, acknowledge the same assignments (some with the very
/// same events) while a dispatch races them: exact totals, earliest acknowledgement wins, verify clean,
/// and no serialization failure or deadlock reaches the caller.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresConcurrencyTests {
  @Test func eightWritersAndARacingDispatchKeepExactTotals() throws {
    let sqlite = try SQLiteFixture.tinyDemo()
    defer { SQLiteFixture.remove(sqlite) }
    let scratch = try TestServer.scratch("concurrent")
    defer { scratch.drop() }
    try SQLiteFixture.load(sqlite, into: try scratch.connect())
    let target = try #require(PGTarget(TestServer.url!))
    let pg = try PostgresStore(target, database: scratch.name)
    let now = SQLiteFixture.anchor
    let root = try pg.root()
    let district = try #require(try pg.children(of: root.id).last)
    let issued = now - .hours(2)
    let task = try pg.dispatch(
      DispatchRequest(scopeID: root.id, type: .notice, title: "并发", operatorName: "t", issuedAt: issued))
    let units = try scratch.connect().exec(
      "SELECT unit_id FROM assignment WHERE task_id = $1 ORDER BY unit_id", [task.taskID]
    ).map { try $0.get(0, as: Int64.self) }
    let writers = 8
    let perWriter = 2_000
    let shared = 200  // writers 2k and 2k+1 send their first 200 events identically
    func event(_ k: Int, _ i: Int) -> GridEvent {
      let owner = i < shared ? k & ~1 : k
      let unit = units[(i * 7 + owner * 13) % units.count]
      let at = issued + Span(seconds: Int64((owner * perWriter + i) * 37 % 7_000))
      return GridEvent(id: "c-\(owner)-\(i)", at: at, kind: .acknowledged(task: task.taskID, unit: .id(unit)))
    }
    var earliest: [Int64: Instant] = [:]
    for k in 0..<writers {
      for i in 0..<perWriter {
        let e = event(k, i)
        guard case .acknowledged(_, .id(let u)) = e.kind else { continue }
        earliest[u] = min(earliest[u] ?? e.at, e.at)
      }
    }
    let batches: [[[GridEvent]]] = (0..<writers).map { k in
      stride(from: 0, to: perWriter, by: 200).map { start in (start..<start + 200).map { event(k, $0) } }
    }
    let results = Results()
    DispatchQueue.concurrentPerform(iterations: writers + 1) { k in
      do {
        let store = try PostgresStore(target, database: scratch.name)
        if k == writers {
          let r = try store.dispatch(
            DispatchRequest(
              scopeID: district.id, type: .screening, title: "竞争", operatorName: "t", issuedAt: now))
          results.lock.withLock { results.raced = r }
          return
        }
        for batch in batches[k] {
          let s = try store.ingest(batch, recordedAt: now, source: "writer-\(k)")
          results.lock.withLock { results.total.add(s) }
        }
      } catch {
        results.lock.withLock { results.errors.append("\(k): \(error)") }
      }
    }
    let (total, errors, raced) = (results.total, results.errors, results.raced)
    #expect(errors == [])
    #expect(total.duplicates == writers / 2 * shared)
    #expect(total.applied + total.noEffect + total.duplicates == writers * perWriter)
    let stored = try scratch.connect().exec(
      "SELECT unit_id, acked_at FROM assignment WHERE task_id = $1 AND acked_at IS NOT NULL", [task.taskID])
    var acked: [Int64: Instant] = [:]
    for row in stored { acked[try row.get(0)] = Instant(epochSeconds: try row.get(1)) }
    #expect(acked == earliest, "the earliest acknowledgement of each assignment is kept")
    let deadline = issued + TaskType.notice.defaultAckWindow
    let t = try #require(
      try pg.tasks(in: root.id, at: now, window: .days(1)).first { $0.task.id == task.taskID })
    #expect(t.tally.acknowledged == earliest.count)
    #expect(t.tally.acknowledgedOnTime == earliest.values.filter { $0 <= deadline }.count)
    let r = try #require(raced)
    #expect(r.assignments == (try pg.fanOut(of: district.id)).units)
    #expect(try pg.verify() == [])
    let events: Int = try scratch.connect().exec("SELECT count(*) FROM event WHERE source LIKE 'writer-%'")[0]
      .get(0)
    #expect(events == writers * perWriter - writers / 2 * shared)
  }

  /// What the concurrent writers report back.
  final class Results: @unchecked Sendable {
    let lock = NSLock()
    var total = IngestSummary()
    var errors: [String] = []
    var raced: DispatchReceipt?
  }

  /// Acknowledgements with rollups against plain COPY of the same event rows, on the tiny demo: prints
  /// events/s and the share (the bench measures the city preset).
  @Test func ingestRateAgainstPlainCopy() throws {
    let sqlite = try SQLiteFixture.tinyDemo()
    defer { SQLiteFixture.remove(sqlite) }
    let scratch = try TestServer.scratch("rate")
    defer { scratch.drop() }
    try SQLiteFixture.load(sqlite, into: try scratch.connect())
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    let now = SQLiteFixture.anchor
    let root = try pg.root()
    var events: [GridEvent] = []
    let db = try scratch.connect()
    for n in 0..<40 {
      let d = try pg.dispatch(
        DispatchRequest(
          scopeID: root.id, type: .notice, title: "速率 \(n)", operatorName: "t", issuedAt: now - .hours(1)))
      for row in try db.exec("SELECT unit_id FROM assignment WHERE task_id = $1", [d.taskID]) {
        let u: Int64 = try row.get(0)
        events.append(
          GridEvent(
            id: "rate-\(d.taskID)-\(u)", at: now - .minutes(Int64(u % 50)),
            kind: .acknowledged(task: d.taskID, unit: .id(u))))
      }
    }
    let clock = ContinuousClock()
    var summary = IngestSummary()
    let ingestTime = try clock.measure {
      for start in stride(from: 0, to: events.count, by: 2_000) {
        summary.add(
          try pg.ingest(
            Array(events[start..<min(start + 2_000, events.count)]), recordedAt: now, source: "rate"))
      }
    }
    #expect(summary.applied == events.count)
    try db.exec("CREATE TABLE plain_event (LIKE event INCLUDING ALL)")
    let copyTime = try clock.measure {
      for start in stride(from: 0, to: events.count, by: 2_000) {
        try db.transaction { db in
          try db.copyIn("COPY plain_event(id, type, at, recorded_at, source, digest, place_id) FROM STDIN") {
            w in
            for e in events[start..<min(start + 2_000, events.count)] {
              guard case .acknowledged(_, .id(let u)) = e.kind else { continue }
              try w.row([e.id, e.typeCode, e.at.epochSeconds, now.epochSeconds, "rate", EventDigest.of(e), u])
            }
          }
        }
      }
    }
    let seconds = { (d: Duration) in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
    let rate = Double(events.count) / seconds(ingestTime)
    let copyRate = Double(events.count) / seconds(copyTime)
    print(
      "ingest with rollups: \(events.count) acks in \(ingestTime) = \(Int(rate)) events/s; plain COPY "
        + "\(Int(copyRate)) events/s; share \(Int(100 * rate / copyRate)) %")
    #expect(try pg.verify() == [])
  }
}
