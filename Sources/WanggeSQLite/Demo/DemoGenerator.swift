import Foundation
import GRDB
import WanggeCore
import WanggeStore

/// Writes a complete, deterministic demo store for a preset into an SQLite file: the engine-neutral
/// ``DemoWriter`` (WanggeStore) through a ``SQLiteTableSink``, in one pass over the tree.
///
/// Memory grows with the number of places, never with households: households are streamed to disk.
public struct DemoGenerator {
  /// What a finished generation produced (the contract's ``DemoSummary``).
  public typealias Summary = DemoSummary

  public let preset: DemoPreset
  public let seed: UInt64
  /// The "now" the history is written against: events after it have not happened yet.
  public let anchor: Instant

  public init(preset: DemoPreset, seed: UInt64, anchor: Instant) {
    self.preset = preset
    self.seed = seed
    self.anchor = anchor
  }

  /// Generates the store at `path`: written to `PATH.partial-PID` first, then renamed over `path` in one
  /// step (an existing store is never deleted first). With `replace`, an existing store is replaced only
  /// when no writer has it open (see ``StoreLock``), and only when it is a Wangge store (or empty).
  /// Partial files of processes that are gone are removed first; this run's are removed on every error
  /// (a caller that handles signals removes them with ``removePartials(of:pid:)``).
  /// `progress` receives the number of households written so far.
  public func generate(to path: String, replace: Bool, progress: @escaping (Int) -> Void = { _ in }) throws
    -> Summary
  {
    let started = Date()
    var summary = Summary()
    var sink: SQLiteTableSink?
    try Self.build(
      at: path, replace: replace, fillUpTo: Migrations.tablesMigration, started: started,
      fill: { db in
        let s = SQLiteTableSink(db, deferring: Set(StoreTables.screening))
        sink = s
        var writer = try DemoWriter(into: s, preset: preset, seed: seed, anchor: anchor, progress: progress)
        summary = try writer.run()
      }, late: { db in try sink?.insertDeferred(into: db) })
    summary.seconds = Date().timeIntervalSince(started)
    return summary
  }

  /// Builds a new store at `path` the way every bulk load does: a partial file (`PATH.partial-PID`,
  /// owner-only) migrated up to `fillUpTo`, filled by `fill` in one transaction, then the remaining
  /// migrations (indexes, derived tables), `late` (rows of tables those migrations make), ANALYZE, WAL mode, and one rename over `path`. Refuses an
  /// existing `path` without `replace` (``StoreError/exists(path:)``); on any error the partial files
  /// are removed and `path` is left as it was.
  static func build(
    at path: String, replace: Bool, fillUpTo: String, started: Date = Date(),
    fill: (Database) throws -> Void, late: (Database) throws -> Void = { _ in }
  ) throws {
    let fm = FileManager.default
    Self.removeStalePartials(of: path)
    var oldLock: StoreLock?
    if fm.fileExists(atPath: path) {
      guard replace else { throw StoreError.exists(path: path) }
      oldLock = try Self.lockForReplacing(path)
    }
    let temp = Self.partialPath(of: path, pid: getpid())
    Self.removePartials(of: path, pid: getpid())
    try SecureFile.createIfMissing(temp)
    do {
      var config = Configuration()
      config.prepareDatabase { db in
        try db.execute(
          sql: """
            PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA locking_mode = EXCLUSIVE;
            PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;
            """)
      }
      let queue = try DatabaseQueue(path: temp, configuration: config)
      try Migrations.migrator().migrate(queue, upTo: fillUpTo)
      try queue.inTransaction { db in
        try fill(db)
        return .commit
      }
      phase("rows written", started)
      try Migrations.migrator().migrate(queue)
      try queue.inTransaction { db in
        try late(db)
        return .commit
      }
      phase("indexes built", started)
      try queue.writeWithoutTransaction { db in
        try db.execute(
          sql:
            "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL;")
      }
      phase("analyzed", started)
      try queue.close()
      if oldLock != nil { Self.checkpointOld(path) }
      guard rename(temp, path) == 0 else {
        throw StoreError.writeFailed(
          path: path,
          reason: "the new store could not be moved into place (\(String(cString: strerror(errno))))")
      }
    } catch {
      Self.removePartials(of: path, pid: getpid())
      throw error
    }
    Self.removePartials(of: path, pid: getpid())
    withExtendedLifetime(oldLock) {}
  }

  /// `PATH.partial-PID`, where a run writes before renaming into place.
  public static func partialPath(of path: String, pid: Int32) -> String { path + ".partial-\(pid)" }

  /// Removes a run's partial file and its `-wal`, `-shm` and `-journal`.
  public static func removePartials(of path: String, pid: Int32) {
    let temp = partialPath(of: path, pid: pid)
    for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temp + suffix) }
  }

  /// Removes partial files left beside `path` by runs whose process no longer exists (killed runs).
  static func removeStalePartials(of path: String) {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    let prefix = url.lastPathComponent + ".partial-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return }
    for name in names where name.hasPrefix(prefix) {
      let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
      guard let pid = Int32(digits), pid != getpid() else { continue }
      if kill(pid, 0) == -1 && errno == ESRCH { unlink(dir + "/" + name) }
    }
  }

  /// Takes the old store's exclusive writer lock; refuses when a writer has it open or when it is
  /// not a Wangge store (an empty file may be replaced).
  static func lockForReplacing(_ path: String) throws -> StoreLock {
    var info = stat()
    if stat(path, &info) == 0, info.st_size > 0 {
      do {
        _ = try StoreProbe.check(path)
      } catch StoreError.newerSchema {
        // a Wangge store all the same: it may be replaced
      } catch StoreError.notAStore(_, let reason) {
        throw StoreError.notAStore(
          path: path,
          reason: reason + "; `--force` (of `wangge demo` or `wangge copy`) replaces only Wangge stores")
      }
    }
    guard let lock = try StoreLock.exclusive(path) else {
      throw StoreError.writeFailed(
        path: path,
        reason:
          "another process has this store open for writing (an ingest, a board or a simulator); "
          + "stop it, then run the command again with --force. Nothing was changed")
    }
    return lock
  }

  /// Moves the old store's WAL into its file and empties it, so that the new store never sees
  /// frames of the old one; then removes its `-wal` and `-shm` (the main file stays until the rename).
  static func checkpointOld(_ path: String) {
    var info = stat()
    if stat(path + "-wal", &info) == 0 {
      var config = Configuration()
      config.busyMode = .timeout(5)
      if let queue = try? DatabaseQueue(path: path, configuration: config) {
        try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try? queue.close()
      }
    }
    for suffix in ["-wal", "-shm", "-journal"] { unlink(path + suffix) }
  }
}

/// Prints a phase's elapsed time to standard error when `WANGGE_TIMING` is set (for tuning).
func phase(_ name: String, _ since: Date) {
  guard ProcessInfo.processInfo.environment["WANGGE_TIMING"] != nil else { return }
  FileHandle.standardError.write(
    Data(String(format: "[timing] %@: %.2f s\n", name, Date().timeIntervalSince(since)).utf8))
}
