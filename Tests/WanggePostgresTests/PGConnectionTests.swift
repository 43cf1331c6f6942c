import Foundation
import Testing
import WanggePostgres

/// Connecting, parameters, typed rows and errors against the real server.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PGConnectionTests {
  @Test func connectsAndReportsTheServer() throws {
    let db = try TestServer.admin()
    #expect(db.isConnected)
    #expect(db.serverVersion >= 150000)
    #expect(db.endpoint.contains(":"))
    #expect(try db.exec("SELECT 1 + 1")[0].get(0, as: Int.self) == 2)
  }

  @Test func cjkTextAndNullsRoundTripAsParameters() throws {
    let db = try TestServer.admin()
    let names = ["铁东区", "解放街道·交合社区", "𠮷野家 👨‍👩‍👧", "tab\there\nline", "'quote' \\ back"]
    for name in names {
      let row = try db.exec(
        "SELECT $1::text, length($1::text), $2::bigint, $3::text IS NULL", [name, Int64.max, nil])[0]
      #expect(try row.get(0, as: String.self) == name)
      #expect(try row.get(1, as: Int.self) == name.unicodeScalars.count)
      #expect(try row.get(2, as: Int64.self) == Int64.max)
      #expect(try row.get(3, as: Bool.self))
    }
  }

  @Test func rowsAreReadByPositionAndName() throws {
    let db = try TestServer.admin()
    let r = try db.exec(
      "SELECT g AS n, '第' || g || '网格' AS label, NULL::bigint AS none FROM generate_series(1, 3) g")
    #expect(r.count == 3)
    #expect(r.columnCount == 3)
    #expect(try r.map { try $0.get("n", as: Int64.self) } == [1, 2, 3])
    #expect(try r[2].get("label", as: String.self) == "第3网格")
    #expect(try r[0].optional("none", as: Int64.self) == nil)
    #expect(throws: PGError.self) { try r[0].get("none", as: Int64.self) }
    #expect(throws: PGError.self) { try r[0].get("label", as: Int64.self) }
    #expect(throws: PGError.self) { try r[0].get("missing", as: Int64.self) }
  }

  @Test func aRefusedStatementNamesTheServerAndSQLState() throws {
    let db = try TestServer.admin()
    let e = try #require(throws: PGError.self) { try db.exec("SELECT * FROM no_such_table") }
    #expect(e.kind == .query)
    #expect(e.sqlState == "42P01")
    #expect(e.description.contains(db.endpoint))
    #expect(e.description.contains("no_such_table"))
    #expect(try db.exec("SELECT 2")[0].get(0, as: Int.self) == 2)  // the connection is still usable
  }

  @Test func aServerThatIsNotThereIsNamedWithHostAndPortAndNoPassword() throws {
    let e = try #require(throws: PGError.self) {
      try PGConnection(url: "postgresql://ops:hunter2secret@127.0.0.1:1/grid?connect_timeout=3")
    }
    #expect(e.kind == .connect)
    #expect(e.description.contains("127.0.0.1:1"))
    #expect(e.description.contains("check that the server runs"))
    #expect(!e.description.contains("hunter2secret"))
  }

  @Test func aNulInATextParameterIsRefusedBeforeSending() throws {
    let db = try TestServer.admin()
    let e = try #require(throws: PGError.self) { try db.exec("SELECT $1::text", ["a\u{0}b"]) }
    #expect(e.kind == .misuse)
    #expect(e.description.contains("$1"))
  }

  @Test func reconnectBringsBackADroppedConnectionAndItsListens() throws {
    let scratch = try TestServer.scratch("reconnect")
    defer { scratch.drop() }
    let a = try scratch.connect()
    let b = try scratch.connect()
    try a.listen("wangge_test")
    let pid = try a.exec("SELECT pg_backend_pid()")[0].get(0, as: Int32.self)
    try b.exec("SELECT pg_terminate_backend($1)", [pid])
    let e = try #require(throws: PGError.self) { try a.exec("SELECT 1") }
    #expect(e.kind == .connectionLost)
    #expect(e.description.contains(a.endpoint))
    #expect(!a.isConnected)
    try a.reconnect(attempts: 5, firstPause: .milliseconds(20))
    #expect(a.isConnected)
    try b.notify("wangge_test", payload: "back")
    let got = try a.notifications(waitingUpTo: .seconds(2))
    #expect(got.map(\.payload) == ["back"])
  }
}

/// Connection errors from libpq that quote the connection string never show its password (no server needed).
@Suite struct PGConnectErrorTests {
  @Test func malformedTargetsNameNoPassword() throws {
    for url in [
      "postgresql://ops:hunter2secret@[bad/grid", "postgresql://ops:hunter2secret@127.0.0.1:1/grid?bogus=1",
      "pg:host=127.0.0.1 port=1 hunter2secret", "pg:host=127.0.0.1 port=1 password='hunter2secret",
    ] {
      let e = try #require(throws: PGError.self) { try PGConnection(url: url) }
      #expect(e.kind == .connect)
      #expect(!e.description.contains("hunter2secret"), "\(e)")
    }
  }
}
