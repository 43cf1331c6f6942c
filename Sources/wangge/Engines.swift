import WanggePostgres
import WanggeSQLite
import WanggeStore

/// The engines this binary opens stores with: the one place that names an engine (SQLite is the
/// embedded default; PostgreSQL takes `postgres://`, `postgresql://` and `pg:`).
enum Engines {
  static let factory = StoreFactory(engines: [PostgresEngine(), SQLiteEngine()])
}
