import Foundation
import GRDB
import WanggeCore

/// Writes a complete, deterministic demo store for a preset: places, people, households, help cases,
/// a few days of task history and every rollup, in one pass over the tree.
///
/// Memory grows with the number of places, never with households: households are streamed to disk.
public struct DemoGenerator {
  /// What a finished generation produced and how fast.
  public struct Summary: Sendable {
    public var places = 0
    public var units = 0
    public var households = 0
    public var leaders = 0
    public var helpCases = 0
    public var assignments = 0
    public var seconds = 0.0
    public var householdsPerSecond: Double { seconds > 0 ? Double(households) / seconds : 0 }
  }

  public let preset: DemoPreset
  public let seed: UInt64
  /// The "now" the history is written against: events after it have not happened yet.
  public let anchor: Instant

  public init(preset: DemoPreset, seed: UInt64, anchor: Instant) {
    self.preset = preset
    self.seed = seed
    self.anchor = anchor
  }

  /// Generates the store at `path` (written to a temporary file first, then moved into place).
  /// `progress` receives the number of households written so far.
  public func generate(to path: String, replace: Bool, progress: @escaping (Int) -> Void = { _ in }) throws
    -> Summary
  {
    let fm = FileManager.default
    if fm.fileExists(atPath: path), !replace { throw StoreError.exists(path: path) }
    let temp = path + ".partial-\(getpid())"
    for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: temp + suffix) }
    try SecureFile.createIfMissing(temp)
    let started = Date()
    var summary: Summary
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
      try Migrations.migrator().migrate(queue, upTo: Migrations.tablesMigration)
      try queue.inTransaction { db in
        var writer = try DemoWriter(db: db, preset: preset, seed: seed, anchor: anchor, progress: progress)
        try writer.run()
        return .commit
      }
      phase("rows written", started)
      summary = try queue.read { db in try DemoWriter.summary(db) }
      try Migrations.migrator().migrate(queue)
      phase("indexes built", started)
      try queue.writeWithoutTransaction { db in
        try db.execute(
          sql:
            "PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL;")
      }
      phase("analyzed", started)
      try queue.close()
    } catch {
      for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: temp + suffix) }
      throw error
    }
    for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
    if fm.fileExists(atPath: path) { try fm.removeItem(atPath: path) }
    try fm.moveItem(atPath: temp, toPath: path)
    for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: temp + suffix) }
    summary.seconds = Date().timeIntervalSince(started)
    return summary
  }
}

/// Prints a phase's elapsed time to standard error when `WANGGE_TIMING` is set (for tuning).
func phase(_ name: String, _ since: Date) {
  guard ProcessInfo.processInfo.environment["WANGGE_TIMING"] != nil else { return }
  FileHandle.standardError.write(
    Data(String(format: "[timing] %@: %.2f s\n", name, Date().timeIntervalSince(since)).utf8))
}
