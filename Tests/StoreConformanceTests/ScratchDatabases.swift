import Foundation
import WanggePostgres

/// Databases the conformance suite creates on the test server, one per store, all dropped when the
/// test process exits.
enum ScratchDatabases {
  /// The server's URL (`WANGGE_TEST_POSTGRES`), or nil: the PostgreSQL engine is not under test.
  static let server: String? = {
    let v = ProcessInfo.processInfo.environment["WANGGE_TEST_POSTGRES"] ?? ""
    return v.isEmpty ? nil : v
  }()

  nonisolated(unsafe) private static var made: [String] = []
  private static let lock = NSLock()

  /// Creates an empty database and returns its URL (what `--db` takes).
  static func create(label: String) -> String {
    let clean = label.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }
    let name = "wangge_c_\(String(clean).prefix(20))_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
    let admin = try! PGConnection(url: server!)
    defer { admin.close() }
    try! admin.exec("CREATE DATABASE \(try! admin.quoteIdentifier(name))")
    lock.withLock {
      if made.isEmpty { atexit { ScratchDatabases.dropAll() } }
      made.append(name)
    }
    return url(of: name)
  }

  /// The server's URL naming database `name`.
  static func url(of name: String) -> String {
    let base = server!
    let scheme = base.range(of: "://")!.upperBound
    let query = base.firstIndex(of: "?") ?? base.endIndex
    let slash = base[scheme..<query].firstIndex(of: "/") ?? query
    return String(base[..<slash]) + "/" + name + String(base[query...])
  }

  static func dropAll() {
    let names = lock.withLock { made }
    guard let admin = try? PGConnection(url: server!) else { return }
    for name in names {
      if let q = try? admin.quoteIdentifier(name) {
        _ = try? admin.exec("DROP DATABASE IF EXISTS \(q) WITH (FORCE)")
      }
    }
    admin.close()
  }
}
