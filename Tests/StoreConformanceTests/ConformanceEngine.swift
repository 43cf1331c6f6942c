import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeSQLite
import WanggeStore

/// An engine under the conformance suite: every test takes one and uses only the store contract.
/// A new engine joins `all`, and every test runs for it too.
struct ConformanceEngine: CustomTestStringConvertible, Sendable {
  let name: String
  let engine: any StoreEngine
  /// Where a fresh store of this engine goes (a temporary file, a temporary database…).
  let newSpec: @Sendable (String) -> String

  var testDescription: String { name }

  /// Whether a write that rolls back leaves the change token alone. SQLite's does; PostgreSQL's
  /// counter is a sequence, which a rolled-back statement still advances (a harmless extra refresh
  /// for a polling board; the live feed's NOTIFY is dropped with the rollback).
  var tokenIgnoresRollbacks: Bool { name == "sqlite" }

  static let sqlite = ConformanceEngine(name: "sqlite", engine: SQLiteEngine()) { name in
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wangge-conformance-\(getpid())-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name + ".sqlite").path
  }

  /// PostgreSQL on the server in `WANGGE_TEST_POSTGRES` (scripts/test starts one): each store a
  /// database of its own, created here and dropped when the test process ends.
  static let postgres = ConformanceEngine(name: "postgres", engine: PostgresEngine()) { name in
    ScratchDatabases.create(label: name)
  }

  static let all: [ConformanceEngine] = [.sqlite] + (ScratchDatabases.server == nil ? [] : [.postgres])

  /// The anchor every fixture store is generated at (no test reads the wall clock).
  static let anchor = InstantFormat.parse("2026-11-22T20:00:00+08:00")!

  /// A fresh demo store of `preset`, opened for writing through the contract.
  func store(_ preset: DemoPreset = .tiny, seed: UInt64 = 7) throws -> any GridStore {
    let spec = newSpec("\(preset.name)-\(seed)")
    _ = try engine.generateDemo(
      preset: preset, seed: seed, anchor: Self.anchor, at: spec, replace: false, progress: { _ in })
    return try engine.open(spec, mode: .write)
  }

  /// The same store opened again (another connection, as another process would).
  func reopen(_ store: any GridStore, mode: StoreOpenMode) throws -> any GridStore {
    try engine.open(store.location, mode: mode)
  }
}

/// What a contract-only test needs to write meaningful events: a task's units, pending and all.
struct ContractFacts {
  var root: Place
  var tasks: [TaskSummary]
  var units: [Int64: [Int64]]

  init(_ store: any GridStore, at now: Instant) throws {
    root = try store.root()
    tasks = try store.tasks(in: root.id, at: now, window: .days(7))
    units = [:]
    for t in tasks {
      units[t.task.id] = try store.assignments(of: t.task.id, under: root.id, at: now, limit: 100_000).map(
        \.unitID)
    }
  }
}
