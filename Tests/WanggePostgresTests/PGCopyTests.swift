import Foundation
import Testing
import WanggePostgres

/// COPY FROM STDIN through libpq.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PGCopyTests {
  @Test func copiesAHundredThousandRows() throws {
    let scratch = try TestServer.scratch("copy")
    defer { scratch.drop() }
    let db = try scratch.connect()
    try db.exec("CREATE TABLE h(id BIGINT PRIMARY KEY, unit BIGINT NOT NULL, name TEXT NOT NULL, note TEXT)")
    let n = 100_000
    let clock = ContinuousClock()
    let start = clock.now
    let stored = try db.copyIn("COPY h(id, unit, name, note) FROM STDIN") { w in
      for i in 1...n {
        w.add(i)
        w.add(i / 30)
        w.add("张\(i % 97)户\t\(i)")
        w.add(i % 10 == 0 ? nil : "备注\\\(i)\n")
        try w.endRow()
      }
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    print("COPY of \(n) rows: \(String(format: "%.3f", seconds)) s, \(Int(Double(n) / seconds)) rows/s")
    #expect(stored == n)
    let row = try db.exec("SELECT count(*), sum(id), count(note) FROM h")[0]
    #expect(try row.get(0, as: Int.self) == n)
    #expect(try row.get(1, as: Int64.self) == Int64(n) * Int64(n + 1) / 2)
    #expect(try row.get(2, as: Int.self) == n - n / 10)
    let one = try db.exec("SELECT name, note FROM h WHERE id = 7")[0]
    #expect(try one.get(0, as: String.self) == "张7户\t7")
    #expect(try one.get(1, as: String.self) == "备注\\7\n")
  }

  @Test func aFailedCopyStoresNothingAndNamesTheRow() throws {
    let scratch = try TestServer.scratch("copyfail")
    defer { scratch.drop() }
    let db = try scratch.connect()
    try db.exec("CREATE TABLE t(id BIGINT PRIMARY KEY)")
    let e = try #require(throws: PGError.self) {
      try db.copyIn("COPY t(id) FROM STDIN") { w in
        for i in [1, 2, 2] {
          w.add(i)
          try w.endRow()
        }
      }
    }
    #expect(e.sqlState == "23505")
    #expect(try db.exec("SELECT count(*) FROM t")[0].get(0, as: Int.self) == 0)
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try db.copyIn("COPY t(id) FROM STDIN") { w in
        w.add(1)
        try w.endRow()
        throw Stop()
      }
    }
    #expect(try db.exec("SELECT count(*) FROM t")[0].get(0, as: Int.self) == 0)
  }
}
