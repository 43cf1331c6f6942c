import WanggeSQLite
import WanggeStore

/// The engines this binary opens stores with: the one place that names an engine (SQLite is the
/// embedded default; an engine for servers joins the list).
enum Engines {
  static let factory = StoreFactory(engines: [SQLiteEngine()])
}
