import GRDB
import Testing
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// Overdue visits from the per-hour counts equal a count over the raw help cases, at any time.
struct HelpOverdueTests {
  /// Help cases under each place whose visit was due before `now`, from `help_case` itself.
  func recount(_ s: SQLiteStore, at now: Instant) throws -> [Int64: Int] {
    try s.pool.read { db in
      var out: [Int64: Int] = [:]
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT d.place_id, count(*) FROM help_due d JOIN help_case c ON c.household_id = d.household_id
          WHERE coalesce(c.last_visit, c.opened_at) + c.cadence < ? GROUP BY d.place_id
          """, arguments: [now.epochSeconds])
      {
        out[row[0]] = row[1]
      }
      return out
    }
  }

  func overdue(_ s: SQLiteStore, at now: Instant) throws -> [Int64: Int] {
    let ids = try s.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM place ORDER BY id") }
    return try s.figures(for: ids, at: now, window: .days(7)).compactMapValues {
      $0.helpOverdue == 0 ? nil : $0.helpOverdue
    }
  }

  @Test func equalsARecountAtHourBoundariesAndAtADueTime() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let due = try s.pool.read { db in
      try Int64.fetchOne(db, sql: "SELECT due_at FROM help_due ORDER BY due_at LIMIT 1 OFFSET 10")!
    }
    let hour = TestStores.anchor.epochSeconds / 3600 * 3600
    let times = [hour, hour - 1, hour + 1, hour + 3599, due, due + 1, due - 1].map(
      Instant.init(epochSeconds:))
    for now in times {
      let want = try recount(s, at: now)
      #expect(!want.isEmpty)
      #expect(try overdue(s, at: now) == want, "at \(now.epochSeconds)")
    }
  }

  @Test func visitsMoveCasesBetweenHours() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    let households = try s.pool.read { db in
      try Int64.fetchAll(db, sql: "SELECT household_id FROM help_case ORDER BY household_id LIMIT 40")
    }
    let base = TestStores.anchor
    let events = households.enumerated().map { i, h in
      GridEvent(id: "hv-\(i)", at: base + Span(seconds: Int64(i * 1800)), kind: .visited(household: h))
    }
    _ = try s.ingest(events, recordedAt: base + Span(seconds: Int64(events.count * 1800)))
    for offset: Int64 in [0, 3600, 86_400, 7 * 86_400, 30 * 86_400] {
      let now = base + Span(seconds: offset)
      #expect(try overdue(s, at: now) == recount(s, at: now), "at +\(offset) s")
    }
    #expect(try s.verify().isEmpty)
  }

  @Test func verifyFindsATamperedHourCount() throws {
    let s = try TestStores.make()
    defer { TestStores.cleanup(s) }
    try s.writer.write { db in
      try db.execute(
        sql: """
          UPDATE help_due_hour SET count = count + 1
          WHERE (place_id, hour) = (SELECT place_id, hour FROM help_due_hour ORDER BY place_id, hour LIMIT 1)
          """)
    }
    let m = try s.verify()
    #expect(m.count == 1)
    #expect(m.first?.table == "help_due_hour")
  }
}
