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
}
