import Foundation
import WanggeCore
import WanggeStore

/// The deterministic demo generator (``DemoWriter``, shared with the SQLite engine) writing straight
/// into a PostgreSQL database with COPY: the same preset, seed and anchor give the same rows as
/// the SQLite engine's demo. The rows are spooled per table while the tree is walked, then loaded in
/// one transaction (see ``PostgresLoad``): a failed or interrupted run leaves the database as it was.
public enum PostgresDemo {
  /// Generates the demo store in the database at `target` (`database` overrides the target's).
  /// Refuses a database that already holds a store (``StoreError/exists(path:)`` naming it) unless
  /// `replace`; never touches a database holding other tables. `progress` receives the number of
  /// households written so far.
  public static func generate(
    preset: DemoPreset, seed: UInt64, anchor: Instant, into target: PGTarget, database: String? = nil,
    replace: Bool, progress: @escaping (Int) -> Void = { _ in }
  ) throws -> DemoSummary {
    let started = Date()
    let connection = try PGConnection(target, database: database)
    defer { connection.close() }
    try PostgresLoad.refuseExisting(connection, replace: replace)
    let sink = PostgresTableSink(connection, mode: .spooled)
    var writer = try DemoWriter(into: sink, preset: preset, seed: seed, anchor: anchor, progress: progress)
    var summary = try writer.run()
    try PostgresLoad.write(
      into: connection, replace: replace, fill: { _ in try sink.finish() },
      derive: { db in try db.execScript(derivedRows) }, late: { _ in try sink.finishLate() })
    summary.seconds = Date().timeIntervalSince(started)
    return summary
  }

  /// The rows the SQLite engine's later migrations derive from a demo's tables (its v3 and v4).
  static let derivedRows = """
    INSERT INTO help_due_hour
      SELECT place_id, due_at / 3600, count(*) FROM help_due GROUP BY place_id, due_at / 3600;
    INSERT INTO task_sequence SELECT 1, coalesce(max(id), 0) FROM task;
    """
}
