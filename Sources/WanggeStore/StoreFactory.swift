import WanggeCore

/// One storage engine: which `--db` texts it takes and how it opens a store there or generates one.
public protocol StoreEngine: Sendable {
  /// The engine's name in messages ("SQLite").
  var name: String { get }
  /// Whether this engine takes `spec` (a path, `sqlite:PATH`, `postgres://…`).
  func accepts(_ spec: String) -> Bool
  /// Whether a store exists at `spec` (without opening or creating anything).
  func exists(_ spec: String) -> Bool
  /// Whether this user may write the store at `spec` (or create it); the board opens it for reading if not.
  func mayWrite(_ spec: String) -> Bool
  /// Opens the existing store at `spec`; throws ``StoreError`` naming what is wrong and what to do.
  func open(_ spec: String, mode: StoreOpenMode) throws -> any GridStore
  /// Generates a deterministic demo store at `spec` (same preset, seed and anchor: the same store).
  /// `replace` replaces an existing store atomically; `progress` receives households written so far.
  func generateDemo(
    preset: DemoPreset, seed: UInt64, anchor: Instant, at spec: String, replace: Bool,
    progress: @escaping (Int) -> Void
  ) throws -> DemoSummary
  /// Removes what an interrupted demo generation of this process left at `spec` (signal handlers call it).
  func removeDemoLeftovers(at spec: String)
  /// Creates an empty store at `spec` for real data (`wangge init`): the root place named `root` and
  /// the level chain, no demo data, no demo mark. Throws ``StoreError/exists`` when a store is there.
  func initialize(at spec: String, root: String, levels: LevelChain) throws
  /// Writes every table of `source` as a new store at `spec` (`wangge copy`), all or nothing: a
  /// failed load leaves `spec` as it was. Refuses an existing store (``StoreError/exists(path:)``)
  /// unless `replace`. Returns the rows written. The caller verifies the result.
  func load(from source: any StoreArchive, at spec: String, replace: Bool) throws -> Int
  /// `spec` as a person may see it (a URL with its password masked).
  func display(_ spec: String) -> String
}

extension StoreEngine {
  /// Engines without `wangge init` say so.
  public func initialize(at spec: String, root: String, levels: LevelChain) throws {
    throw StoreError.writeFailed(path: spec, reason: "the \(name) engine cannot create an empty store yet")
  }

  /// `spec` as a person may see it (a URL with its password masked); the spec itself by default.
  public func display(_ spec: String) -> String { spec }
}

/// Opens a store from what the user typed (`--db`, `$WANGGE_DB`, the default location) with the first
/// engine that takes it. Callers get the contract, never an engine.
public struct StoreFactory: Sendable {
  /// The engines, in the order they are asked.
  public let engines: [any StoreEngine]
  public init(engines: [any StoreEngine]) { self.engines = engines }

  /// The engine for `spec`, or ``StoreError/notAStore`` naming the forms that are understood.
  public func engine(for spec: String) throws -> any StoreEngine {
    guard let engine = engines.first(where: { $0.accepts(spec) }) else {
      throw StoreError.notAStore(
        path: spec,
        reason:
          "is not a store this wangge can open (engines: \(engines.map(\.name).joined(separator: ", ")))")
    }
    return engine
  }

  /// Opens the existing store at `spec`.
  public func open(_ spec: String, mode: StoreOpenMode) throws -> any GridStore {
    try engine(for: spec).open(spec, mode: mode)
  }
}
