import WanggeStore

/// Applies ``PostgresSchema`` migrations to a database on first open, and refuses a database written
/// by a newer wangge (or one that holds other tables called like Wangge's) without changing it.
public enum PostgresMigrator {
  /// Where a database stands against this binary's schema.
  public enum State: Equatable, Sendable {
    /// No Wangge tables yet.
    case empty
    /// Some migrations are still to be applied (their identifiers, oldest first).
    case older(missing: [String])
    /// Every migration this binary knows is applied.
    case current
  }

  /// A key for `pg_advisory_xact_lock`, so two processes opening a new store migrate it once.
  static let lockKey: Int64 = 0x7761_6E67_6765_0001

  /// The database's state, read without writing (for read-only opens). Throws
  /// `StoreError.newerSchema` or `StoreError.notAStore`.
  public static func state(of db: PGConnection) throws -> State {
    let hasLedger = try db.exec("SELECT to_regclass('wangge_migrations') IS NOT NULL")[0].get(
      0, as: Bool.self)
    if !hasLedger {
      let hasPlace = try db.exec("SELECT to_regclass('place') IS NOT NULL")[0].get(0, as: Bool.self)
      if hasPlace {
        throw StoreError.notAStore(
          path: name(of: db),
          reason:
            "has a table called place but no wangge_migrations, so it is not a Wangge store; it was left "
            + "unchanged. Give another database, or create an empty one (createdb) for Wangge")
      }
      return .empty
    }
    let rows = try db.exec("SELECT version, identifier FROM wangge_migrations ORDER BY version")
    var applied: [Int: String] = [:]
    for row in rows { applied[try row.get(0, as: Int.self)] = try row.get(1, as: String.self) }
    let known = Dictionary(
      uniqueKeysWithValues: PostgresSchema.migrations.map { ($0.version, $0.identifier) })
    let unknown = applied.filter { known[$0.key] != $0.value }.sorted { $0.key < $1.key }
    if !unknown.isEmpty {
      let highest = applied.keys.max() ?? 0
      throw StoreError.newerSchema(
        path: name(of: db),
        reason:
          "was written by a newer wangge (schema version \(highest), migration "
          + "\(unknown.map(\.value).joined(separator: ", ")); this binary knows schema version "
          + "\(PostgresSchema.schemaVersion)); it was left unchanged. Use the newer wangge on it")
    }
    let missing = PostgresSchema.migrations.filter { applied[$0.version] == nil }.map(\.identifier)
    if missing.count == PostgresSchema.migrations.count { return .empty }
    return missing.isEmpty ? .current : .older(missing: missing)
  }

  /// Applies every missing migration up to `version` in one transaction (all or nothing), under an
  /// advisory lock so concurrent first opens migrate once. Returns the identifiers it applied.
  @discardableResult
  public static func migrate(_ db: PGConnection, upTo version: Int = PostgresSchema.schemaVersion) throws
    -> [String]
  {
    try db.transaction { db in
      try db.exec("SELECT pg_advisory_xact_lock($1)", [lockKey])
      _ = try state(of: db)  // refuses a newer or foreign database before anything is created
      return try apply(db, upTo: version)
    }
  }

  /// Applies every missing migration up to `version` inside the caller's transaction (a bulk load
  /// runs the tables first and the rest after its COPYs). Returns the identifiers it applied.
  @discardableResult
  static func apply(_ db: PGConnection, upTo version: Int = PostgresSchema.schemaVersion) throws -> [String] {
    try db.execScript(
      """
      CREATE TABLE IF NOT EXISTS wangge_migrations(
        version INTEGER PRIMARY KEY, identifier TEXT NOT NULL UNIQUE,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
      """)
    let done = Set(try db.exec("SELECT version FROM wangge_migrations").map { try $0.get(0, as: Int.self) })
    var applied: [String] = []
    for m in PostgresSchema.migrations where m.version <= version && !done.contains(m.version) {
      try db.execScript(m.sql)
      if m.identifier == PostgresSchema.dutyIdentifier { try DutyRollupBook(sql: PGOrderSQL(db: db)).rebuild() }
      try db.exec(
        "INSERT INTO wangge_migrations(version, identifier) VALUES ($1, $2)", [m.version, m.identifier])
      applied.append(m.identifier)
    }
    return applied
  }

  /// How a database is named in messages: `database "x" at host:port`.
  static func name(of db: PGConnection) -> String {
    "PostgreSQL database \"\(db.database)\" at \(db.endpoint)"
  }
}
