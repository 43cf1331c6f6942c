import Testing
import WanggePostgres

/// `--db` values that name PostgreSQL, and the masking of passwords (no server needed).
@Suite struct PGTargetTests {
  @Test func urisAndPGPrefixNamePostgres() throws {
    #expect(PGTarget.isPostgres("postgres://u@h:5432/db"))
    #expect(PGTarget.isPostgres("postgresql://h/db"))
    #expect(PGTarget.isPostgres("PostgreSQL://h/db"))
    #expect(PGTarget.isPostgres("pg:"))
    #expect(!PGTarget.isPostgres("grid.sqlite"))
    #expect(!PGTarget.isPostgres("./postgres/grid.sqlite"))
    #expect(try #require(PGTarget("pg:")).conninfo == "")
    #expect(try #require(PGTarget("pg: service=city ")).conninfo == "service=city")
  }

  @Test func passwordsAreMasked() throws {
    let uri = try #require(PGTarget("postgres://ops:s3cr%40t@db.city:6432/grid?sslmode=require&password=x2"))
    #expect(uri.display == "postgres://ops:***@db.city:6432/grid?sslmode=require&password=***")
    #expect(uri.conninfo.contains("s3cr%40t"))
    let words = try #require(PGTarget("pg:host=db password='a b\\'c' user=ops"))
    #expect(words.display == "pg:host=db password=*** user=ops")
    #expect(try #require(PGTarget("postgres://ops@db/grid")).display == "postgres://ops@db/grid")
  }

  @Test func libpqMessagesThatQuoteTheTargetAreScrubbed() throws {
    let uri = try #require(PGTarget("postgresql://u:hunter2%21x@[bad/db"))
    let quoted = "end of string reached … in URI: \"postgresql://u:hunter2%21x@[bad/db\""
    #expect(uri.scrub(quoted) == "end of string reached … in URI: \"postgresql://u:***@[bad/db\"")
    #expect(!uri.scrub("password hunter2!x rejected").contains("hunter2"))
    let words = try #require(PGTarget("pg:host=x hunter2secret"))
    #expect(
      words.scrub("missing \"=\" after \"hunter2secret\" in connection info string")
        == "missing \"=\" after \"***\" in connection info string")
  }
}
