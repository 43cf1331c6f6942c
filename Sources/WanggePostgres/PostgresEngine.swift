import WanggeCore
import WanggeStore

/// The PostgreSQL engine for the store factory: `--db postgres://…`, `postgresql://…` or `pg:`
/// (plus the `PG*` variables, `~/.pgpass`, service files), one database per store.
public struct PostgresEngine: StoreEngine {
  public init() {}

  public var name: String { "PostgreSQL" }

  public func accepts(_ spec: String) -> Bool { PGTarget.isPostgres(spec) }

  public func display(_ spec: String) -> String { PGTarget(spec)?.display ?? spec }

  /// The target `spec` names, or ``StoreError/notAStore`` for a text this engine does not take.
  static func target(_ spec: String) throws -> PGTarget {
    guard let target = PGTarget(spec) else {
      throw StoreError.notAStore(
        path: spec, reason: "is not a PostgreSQL target (postgres://user@host:port/db, postgresql://…, pg:)")
    }
    return target
  }

  /// Whether the database holds Wangge tables (or other tables called like them). A server that
  /// cannot be reached counts as no store; opening it then says why.
  public func exists(_ spec: String) -> Bool {
    guard let target = PGTarget(spec), let db = try? PGConnection(target) else { return false }
    defer { db.close() }
    do {
      return try PostgresMigrator.state(of: db) != .empty
    } catch {
      return true
    }
  }

  /// Whether this user may add rows (an existing store) or create tables (an empty database); never
  /// on a hot standby.
  public func mayWrite(_ spec: String) -> Bool {
    guard let target = PGTarget(spec), let db = try? PGConnection(target) else { return true }
    defer { db.close() }
    if (try? PostgresStandby.inRecovery(db)) == true { return false }
    let sql = """
      SELECT CASE WHEN to_regclass('place') IS NULL
        THEN has_schema_privilege(current_schema(), 'CREATE')
        ELSE has_table_privilege('place', 'INSERT') END
      """
    return (try? db.exec(sql)[0].get(0, as: Bool.self)) ?? true
  }

  public func open(_ spec: String, mode: StoreOpenMode) throws -> any GridStore {
    try PostgresStore(Self.target(spec), readOnly: mode == .read)
  }

  public func generateDemo(
    preset: DemoPreset, seed: UInt64, anchor: Instant, at spec: String, replace: Bool,
    progress: @escaping (Int) -> Void
  ) throws -> DemoSummary {
    try PostgresDemo.generate(
      preset: preset, seed: seed, anchor: anchor, into: Self.target(spec), replace: replace,
      progress: progress)
  }

  /// Migrates the database (creating the tables on first use) and writes the empty grid into it.
  public func initialize(at spec: String, root: String, levels: LevelChain) throws {
    try PostgresStore(Self.target(spec)).initialize(root: root, levels: levels)
  }

  /// Nothing to remove: an interrupted generation's transaction rolls back when its connection
  /// closes, and its spool files were unlinked when they were made.
  public func removeDemoLeftovers(at spec: String) {}

  /// Streams `source` into the database with one COPY per table, in one transaction.
  public func load(from source: any StoreArchive, at spec: String, replace: Bool) throws -> Int {
    let connection = try PGConnection(Self.target(spec))
    defer { connection.close() }
    try PostgresLoad.refuseExisting(connection, replace: replace)
    var rows = 0
    let sink = PostgresTableSink(connection, mode: .direct)
    try PostgresLoad.write(
      into: connection, replace: replace,
      fill: { db in
        do {
          try source.exportTables(into: sink)
          rows = try sink.finish()
        } catch {
          sink.abort()
          throw error
        }
        try db.exec(
          "SELECT setval(pg_get_serial_sequence('audit', 'id'), coalesce(max(id), 0) + 1, false) FROM audit")
        try PostgresLoad.advanceSerials(db)
      }, late: { _ in rows = try sink.finishLate() })
    return rows
  }
}
