import Foundation
import GRDB
import WanggeCore

@testable import WanggeSQLite
import WanggeStore

/// Temporary stores for tests, removed by the caller with `cleanup`.
enum TestStores {
  static let anchor = InstantFormat.parse("2026-11-22T20:00:00+08:00")!

  static func tempPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wangge-tests-\(getpid())-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
  }

  static func make(_ preset: DemoPreset = .tiny, seed: UInt64 = 7) throws -> SQLiteStore {
    let path = tempPath("\(preset.name).sqlite")
    _ = try DemoGenerator(preset: preset, seed: seed, anchor: anchor).generate(to: path, replace: false)
    return try SQLiteStore(path: path)
  }

  static func cleanup(_ store: SQLiteStore) {
    try? FileManager.default.removeItem(atPath: (store.path as NSString).deletingLastPathComponent)
  }

  /// A fingerprint of every row of every table, to prove that nothing changed.
  static func digest(_ store: SQLiteStore) throws -> String {
    try store.pool.read { db in
      var hasher = Hasher()
      var rows = 0
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name"
      )
      for t in tables {
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM \(t) ORDER BY 1, 2")
        while let row = try cursor.next() {
          hasher.combine(t)
          hasher.combine(row.description)
          rows += 1
        }
      }
      return "\(rows):\(hasher.finalize())"
    }
  }

  /// Ordered, readable dump of every table (stable across processes, unlike `Hasher`).
  static func dump(_ store: SQLiteStore) throws -> [String] {
    try store.pool.read { db in
      var out: [String] = []
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' ORDER BY name"
      )
      for t in tables {
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(t) ORDER BY 1, 2") { out.append("\(t) \(row)") }
      }
      return out
    }
  }
}
