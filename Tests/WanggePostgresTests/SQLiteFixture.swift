import Foundation
import GRDB
import WanggeCore
@testable import WanggePostgres
@testable import WanggeSQLite
import WanggeStore

/// An SQLite demo store and its rows copied into a PostgreSQL database, to compare the engines'
/// answers. (The only file here that knows the SQLite engine.)
enum SQLiteFixture {
  static let anchor = InstantFormat.parse("2026-11-22T20:00:00+08:00")!

  /// The tiny demo preset (6 levels, 1,500 households) generated into a temporary SQLite file.
  static func tinyDemo(seed: UInt64 = 7) throws -> SQLiteStore {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wangge-pg-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("tiny.sqlite").path
    _ = try DemoGenerator(preset: .tiny, seed: seed, anchor: anchor).generate(to: path, replace: false)
    return try SQLiteStore(path: path)
  }

  static func remove(_ store: SQLiteStore) {
    try? FileManager.default.removeItem(atPath: (store.path as NSString).deletingLastPathComponent)
  }

  /// Copies every table of `sqlite` into `db` with COPY (tables first, then indexes and triggers).
  /// Returns rows copied.
  @discardableResult
  static func load(_ sqlite: SQLiteStore, into db: PGConnection) throws -> Int {
    try PostgresMigrator.migrate(db, upTo: PostgresSchema.tablesVersion)
    try db.exec("DELETE FROM task_sequence")
    var total = 0
    try sqlite.pool.read { s in
      for table in PostgresSchema.dataTables {
        let columns = try db.exec(
          "SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
          [table]
        ).map { try $0.get(0, as: String.self) }
        let list = columns.joined(separator: ", ")
        let cursor = try Row.fetchCursor(s, sql: "SELECT \(list) FROM \(table)")
        total += try db.copyIn("COPY \(table)(\(list)) FROM STDIN") { w in
          while let row = try cursor.next() {
            for i in 0..<columns.count {
              switch (row[i] as DatabaseValue).storage {
              case .null: w.add(nil as String?)
              case .int64(let v): w.add(v)
              case .double(let d): w.add(d.pgText)
              case .string(let t): w.add(t)
              case .blob(let b): w.add(b.map { String(format: "%02x", $0) }.joined())
              }
            }
            try w.endRow()
          }
        }
      }
    }
    try db.exec(
      "SELECT setval(pg_get_serial_sequence('audit', 'id'), coalesce(max(id), 0) + 1, false) FROM audit")
    try PostgresMigrator.migrate(db)
    return total
  }
}

extension SQLiteFixture {
  /// The audit trail of `sqlite` (at, operator, action, task, scope, detail), oldest first.
  static func audit(_ sqlite: SQLiteStore) throws -> [String] {
    try sqlite.pool.read { s in
      try Row.fetchAll(
        s, sql: "SELECT at, operator, action, task_id, scope_id, detail FROM audit ORDER BY id"
      )
      .map { r in
        "\(r[0] as Int64) \(r[1] as String) \(r[2] as String) \(r[3] as Int64? ?? -1) \(r[4] as Int64? ?? -1) \(r[5] as String)"
      }
    }
  }

  /// Every event row of `sqlite` (id, type, at, recorded_at, source, digest, place_id), by id.
  static func events(_ sqlite: SQLiteStore) throws -> [String] {
    try sqlite.pool.read { s in
      try Row.fetchAll(
        s, sql: "SELECT id, type, at, recorded_at, source, digest, place_id FROM event ORDER BY id"
      ).map { r in
        "\(r[0] as String) \(r[1] as String) \(r[2] as Int64) \(r[3] as Int64) \(r[4] as String) \(r[5] as Int64? ?? 0) \(r[6] as Int64? ?? -1)"
      }
    }
  }
}
