import Foundation
import GRDB
import WanggeCore
import WanggeStore

/// The default store: one SQLite file in WAL mode, read through a pool, rollups kept in the same
/// transaction as the rows they count. Created with mode 0600 because it holds personal data.
///
/// Opened either for reading (``OpenMode/read``: read-only connections, no migration, no WAL switch,
/// nothing written) or for writing (``OpenMode/write``: migrates to this binary's schema first).
/// Both refuse a file that is not a Wangge store and a store of a newer schema, leaving it untouched.
public final class SQLiteStore: Store {
  /// How a store is opened.
  /// Reading never writes; writing migrates an older schema first (the contract's ``StoreOpenMode``).
  public typealias OpenMode = StoreOpenMode

  /// The file this store lives in.
  public let path: String
  /// How it was opened.
  public let mode: OpenMode
  let pool: DatabasePool
  /// Where writes go: the pool itself for a new store, else a connection of its own (see `init`).
  let writer: any DatabaseWriter
  /// A connection of its own for `PRAGMA data_version`, which is per connection.
  let signalConnection: DatabaseQueue
  /// Held (shared) by every writer, so that `wangge demo --force` can tell that one is open.
  let writerLock: StoreLock?
  /// The read transaction a thread holds open in `readingTogether`, which that thread's reads join.
  let together = SharedReads()

  /// Opens (and with `create`, creates) the store at `path`. `mode` `.write` migrates it to the
  /// current schema; `.read` never writes.
  public init(path: String, mode: OpenMode = .write, create: Bool = false) throws {
    self.path = path
    self.mode = mode
    var created = false
    if !FileManager.default.fileExists(atPath: path) {
      guard create, mode == .write else {
        throw StoreError.notAStore(
          path: path, reason: "no store here; create one with `wangge demo --preset jiaohe --db \(path)`")
      }
      try SecureFile.createIfMissing(path)
      created = true
    }
    let schema = created ? .older(missing: Migrations.identifiers) : try StoreProbe.check(path)
    if mode == .read, case .older(let missing) = schema {
      throw StoreError.notAStore(
        path: path,
        reason:
          "was written by an older wangge (migrations \(missing.joined(separator: ", ")) not applied); "
          + "upgrade it with `wangge migrate --db \(path)` (any writing command also upgrades it)")
    }
    if mode == .write, access(path, W_OK) != 0 {
      throw StoreError.writeFailed(
        path: path,
        reason: "is read-only for this user; nothing was written. Reading commands (report, tasks) work")
    }
    writerLock = mode == .write ? try StoreLock.shared(path) : nil
    var config = Configuration()
    config.busyMode = .timeout(10)
    config.readonly = mode == .read
    if mode == .write {
      config.prepareDatabase { db in
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
      }
    }
    var signalConfig = Configuration()
    signalConfig.readonly = true
    signalConfig.busyMode = .timeout(10)
    do {
      if mode == .read {
        (pool, signalConnection) = try Self.openReading(path, config, signalConfig)
        writer = pool
      } else if !created, StoreProbe.isWAL(path) {
        // An existing WAL store: one plain connection writes, a read-only pool reads. Opening a
        // read-write `DatabasePool` would create and drop a table whenever the -wal file is empty, so a
        // writer refused its input would still have changed the file; this way nothing is written unless
        // a write commits.
        var writing = config
        writing.journalMode = .default
        writer = try DatabaseQueue(path: path, configuration: writing)
        var reading = config
        reading.readonly = true
        pool = try DatabasePool(path: path, configuration: reading)
        // Migrate only when something is pending.
        let migrator = Migrations.migrator()
        if try !writer.read({ try migrator.hasCompletedMigrations($0) }) { try migrator.migrate(writer) }
        signalConnection = try DatabaseQueue(path: path, configuration: signalConfig)
      } else {
        pool = try DatabasePool(path: path, configuration: config)
        writer = pool
        try Migrations.migrator().migrate(pool)
        signalConnection = try DatabaseQueue(path: path, configuration: signalConfig)
      }
    } catch let e as DatabaseError {
      throw StoreError.notAStore(
        path: path, reason: "cannot be opened as a Wangge store (\(e.message ?? "\(e)"))")
    }
  }

  /// Read-only pool and signal connection; as immutable when the `-shm` cannot be made (see ``StoreProbe``).
  private static func openReading(_ path: String, _ config: Configuration, _ signalConfig: Configuration)
    throws
    -> (DatabasePool, DatabaseQueue)
  {
    do {
      let pool = try DatabasePool(path: path, configuration: config)
      try pool.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
      return (pool, try DatabaseQueue(path: path, configuration: signalConfig))
    } catch let e as DatabaseError where StoreProbe.canReadImmutable(path, e) {
      let uri = StoreProbe.immutableURI(path)
      let pool = try DatabasePool(path: uri, configuration: config)
      return (pool, try DatabaseQueue(path: uri, configuration: signalConfig))
    }
  }

  /// How many times a write that found the store busy past the 10 s busy timeout is tried again (its
  /// transaction rolled back, so a new try starts clean): SQLite's busy handler is not a queue, and
  /// among many writers one may lose the race for the lock again and again.
  static let busyRetries = 5

  /// Runs a write, turning SQLite's busy, full and read-only failures into ``StoreError/writeFailed``
  /// with what to do; a busy store is tried again ``busyRetries`` times first.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    if together.connection() != nil {
      throw StoreError.writeFailed(
        path: path,
        reason: "a write was asked inside a shared read (`readingTogether`); nothing was written. Write "
          + "after the read ends")
    }
    var attempt = 0
    while true {
      do {
        return try writer.write(body)
      } catch let e as DatabaseError
        where (e.resultCode == .SQLITE_BUSY || e.resultCode == .SQLITE_LOCKED) && attempt < Self.busyRetries
      {
        attempt += 1
      } catch {
        throw mapWriteError(error)
      }
    }
  }

  private func mapWriteError(_ error: any Error) -> any Error {
    guard let e = error as? DatabaseError else { return error }
    switch e.resultCode {
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return StoreError.writeFailed(
        path: path,
        reason:
          "database is locked: other processes kept it busy for more than a minute (\(Self.busyRetries + 1) "
          + "tries of the 10 s busy timeout); nothing of this write was applied. Try again when the other "
          + "writers have finished")
    case .SQLITE_FULL:
      return StoreError.writeFailed(
        path: path,
        reason: "database or disk is full; nothing of this write was applied. Free disk space and try again"
      )
    case .SQLITE_READONLY:
      return StoreError.writeFailed(
        path: path,
        reason:
          "is read-only for this user (\(e.message ?? "")); nothing was written. Check its permissions")
    default: return e
    }
  }

  public func changeToken() throws -> Int64 {
    try signalConnection.read { db in try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
    }
  }

  public func levels() throws -> LevelChain {
    try read { db in try Self.levels(db) }
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
    try read { db in
      try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
    }
  }
}

extension SQLiteStore {
  /// True when `wangge demo` made this store (its `demo` mark): the only stores the simulator runs on.
  public func isDemo() throws -> Bool { try meta("demo") == "1" }

  /// Removes the demo mark (importing real data does this; `wangge init` never sets it).
  public func clearDemoMark() throws {
    try write { db in try db.execute(sql: "DELETE FROM meta WHERE key = 'demo'") }
  }
}
