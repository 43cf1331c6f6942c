import Foundation
import WanggeCore
import WanggeStore

/// The SQLite engine for the store factory: `--db PATH` or `--db sqlite:PATH` (anything that is not a
/// URL of another engine), one file per store.
public struct SQLiteEngine: StoreEngine {
  public init() {}

  public var name: String { "SQLite" }

  public func accepts(_ spec: String) -> Bool {
    if spec.hasPrefix("sqlite:") { return true }
    return !spec.contains("://") && !spec.hasPrefix("pg:") && !spec.hasPrefix("postgres:")
      && !spec.hasPrefix("postgresql:")
  }

  /// The file path of `spec` (without a `sqlite:` prefix).
  public static func path(of spec: String) -> String {
    spec.hasPrefix("sqlite:") ? String(spec.dropFirst("sqlite:".count)) : spec
  }

  public func exists(_ spec: String) -> Bool { FileManager.default.fileExists(atPath: Self.path(of: spec)) }

  public func mayWrite(_ spec: String) -> Bool {
    let file = Self.path(of: spec)
    return access(file, W_OK) == 0 || access(file, F_OK) != 0
  }

  public func open(_ spec: String, mode: StoreOpenMode) throws -> any GridStore {
    try SQLiteStore(path: Self.path(of: spec), mode: mode)
  }

  public func generateDemo(
    preset: DemoPreset, seed: UInt64, anchor: Instant, at spec: String, replace: Bool,
    progress: @escaping (Int) -> Void
  ) throws -> DemoSummary {
    try DemoGenerator(preset: preset, seed: seed, anchor: anchor).generate(
      to: Self.path(of: spec), replace: replace, progress: progress)
  }

  public func initialize(at spec: String, root: String, levels: LevelChain) throws {
    try SQLiteStore.initialize(at: Self.path(of: spec), root: root, levels: levels)
  }

  public func removeDemoLeftovers(at spec: String) {
    DemoGenerator.removePartials(of: Self.path(of: spec), pid: getpid())
  }

  /// Loads into a partial file migrated to the latest schema (derived tables emptied: the source's
  /// rows are copied as they are), renamed over the path when complete, like a demo.
  public func load(from source: any StoreArchive, at spec: String, replace: Bool) throws -> Int {
    var rows = 0
    try DemoGenerator.build(
      at: Self.path(of: spec), replace: replace, fillUpTo: Migrations.identifiers.last!
    ) { db in
      try db.execute(sql: "DELETE FROM task_sequence; DELETE FROM help_due_hour")
      rows = try source.exportTables(into: SQLiteTableSink(db))
    }
    return rows
  }
}

extension SQLiteStore: GridStore {
  public var location: String { path }
  public var label: String { URL(fileURLWithPath: path).lastPathComponent }
}
