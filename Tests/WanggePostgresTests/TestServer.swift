import Foundation
import Testing
import WanggePostgres

/// The PostgreSQL server the tests use: `WANGGE_TEST_POSTGRES` (scripts/test starts a throw-away
/// cluster with scripts/pg-cluster and exports it). Each test works in a database of its own.
enum TestServer {
  static let url: String? = {
    let v = ProcessInfo.processInfo.environment["WANGGE_TEST_POSTGRES"] ?? ""
    return v.isEmpty ? nil : v
  }()

  static var available: Bool { url != nil }

  /// A connection to the server's own database (for CREATE/DROP DATABASE).
  static func admin() throws -> PGConnection { try PGConnection(url: url!) }

  /// Creates an empty database for one test; drop it with ``ScratchDatabase/drop()``.
  static func scratch(_ label: String) throws -> ScratchDatabase {
    let name = "wangge_t_\(label)_\(UInt32.random(in: 0...UInt32.max))"
    let admin = try admin()
    try admin.exec("CREATE DATABASE \(try admin.quoteIdentifier(name))")
    return ScratchDatabase(name: name)
  }
}

/// A database made for one test.
struct ScratchDatabase {
  let name: String

  /// A new connection to it.
  func connect() throws -> PGConnection { try PGConnection(url: TestServer.url!, database: name) }

  /// Removes it (and any connection still open to it).
  func drop() {
    guard let admin = try? TestServer.admin(), let q = try? admin.quoteIdentifier(name) else { return }
    _ = try? admin.exec("DROP DATABASE IF EXISTS \(q) WITH (FORCE)")
  }
}

/// The one test that runs without a server: it fails on CI (CI set) when no server was given, and
/// otherwise says plainly that the PostgreSQL tests were skipped.
@Test func postgresServerIsConfigured() {
  if TestServer.available { return }
  if let ci = ProcessInfo.processInfo.environment["CI"], !ci.isEmpty {
    let why =
      "CI is set but WANGGE_TEST_POSTGRES is not: the PostgreSQL tests did not run. Run scripts/test, "
      + "which starts a throw-away cluster (scripts/pg-cluster start) and exports its URL"
    Issue.record(Comment(rawValue: why))
  } else {
    print("skipped: no server (WanggePostgresTests need WANGGE_TEST_POSTGRES; scripts/test sets it)")
  }
}
