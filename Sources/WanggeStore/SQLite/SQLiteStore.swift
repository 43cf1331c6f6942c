import Foundation
import GRDB
import WanggeCore

/// The default store: one SQLite file in WAL mode, read through a pool, rollups kept in the same
/// transaction as the rows they count. Created with mode 0600 because it holds personal data.
public final class SQLiteStore: Store {
  /// The file this store lives in.
  public let path: String
  let pool: DatabasePool
  /// A connection of its own for `PRAGMA data_version`, which is per connection.
  let signalConnection: DatabaseQueue

  /// Opens (and with `create`, creates) the store at `path`, migrating it to the current schema.
  public init(path: String, create: Bool = false) throws {
    self.path = path
    if !FileManager.default.fileExists(atPath: path) {
      guard create else {
        throw StoreError.notAStore(
          path: path, reason: "no store here; create one with `wangge demo --preset jiaohe --db \(path)`")
      }
      try SecureFile.createIfMissing(path)
    }
    var config = Configuration()
    config.busyMode = .timeout(10)
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA synchronous = NORMAL")
    }
    do {
      pool = try DatabasePool(path: path, configuration: config)
      try Migrations.migrator().migrate(pool)
      var signalConfig = Configuration()
      signalConfig.readonly = true
      signalConfig.busyMode = .timeout(10)
      signalConnection = try DatabaseQueue(path: path, configuration: signalConfig)
    } catch let e as DatabaseError {
      throw StoreError.notAStore(path: path, reason: "not a Wangge store (\(e.message ?? "\(e)"))")
    }
  }

  public func changeToken() throws -> Int64 {
    try signalConnection.read { db in try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
    }
  }

  public func levels() throws -> LevelChain {
    try pool.read { db in try Self.levels(db) }
  }

  static func levels(_ db: Database) throws -> LevelChain {
    let rows = try RawStatement(cached: db, "SELECT name FROM level ORDER BY depth")
    var names: [String] = []
    while try rows.step() { names.append(rows.text(0) ?? "") }
    rows.reset()
    let meta = try RawStatement(cached: db, "SELECT value FROM meta WHERE key = 'station_depth'")
    let station = try meta.step() ? meta.text(0) : nil
    meta.reset()
    guard names.count >= 2 else {
      throw StoreError.notAStore(
        path: db.description, reason: "the store holds no grid yet; run `wangge demo`")
    }
    return LevelChain(names: names, stationDepth: station.flatMap { Int($0) })
  }

  /// A value from the `meta` table (e.g. `preset`, `anchor`).
  public func meta(_ key: String) throws -> String? {
    try pool.read { db in
      try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
    }
  }
}
