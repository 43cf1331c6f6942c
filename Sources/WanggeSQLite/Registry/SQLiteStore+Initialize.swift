import Foundation
import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore {
  /// Creates an empty store at `path` for real data: the level chain, the root place and its
  /// rollup rows, no demo data and no demo mark. Refuses an existing file.
  public static func initialize(at path: String, root: String, levels: LevelChain) throws {
    guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.exists(path: path) }
    let store = try SQLiteStore(path: path, mode: .write, create: true)
    try store.write { db in
      for (depth, name) in levels.names.enumerated() {
        try db.execute(sql: "INSERT INTO level(depth, name) VALUES (?, ?)", arguments: [depth, name])
      }
      try db.execute(
        sql: "INSERT INTO meta VALUES ('station_depth', ?)",
        arguments: [levels.stationDepth.map(String.init) ?? ""])
      try db.execute(
        sql: "INSERT INTO place(parent_id, depth, name, has_station) VALUES (NULL, 0, ?, 0)",
        arguments: [root])
      try db.execute(
        sql: "INSERT INTO place_stats VALUES (?, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)",
        arguments: [db.lastInsertedRowID])
    }
  }
}
