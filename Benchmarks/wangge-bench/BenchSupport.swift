import ArgumentParser
import Foundation
import TerminalUI
import WanggeCore
import WanggePostgres
import WanggeSQLite
import WanggeStore

/// The engines the benchmarks open stores with, as `wangge` does (SQLite the default; PostgreSQL
/// for `postgres://`, `postgresql://` and `pg:`).
let benchEngines = StoreFactory(engines: [PostgresEngine(), SQLiteEngine()])

/// `--db` for the benchmarks: any engine, opened through the store contract (always a copy or a
/// throw-away database: they write).
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help:
      "Store (a copy or a throw-away database: benchmarks write): a path or postgres://…. Default: as for wangge."
  )
  var db: String?

  /// The store, opened for writing.
  func openForWriting() throws -> any GridStore { try open(.write) }

  /// The store, opened read-only.
  func openForReading() throws -> any GridStore { try open(.read) }

  private func open(_ mode: StoreOpenMode) throws -> any GridStore {
    do {
      return try benchEngines.open(StoreLocation.resolve(explicit: db), mode: mode)
    } catch let e as StoreError {
      fail(e.description)
    } catch {
      fail("\(error)")
    }
  }
}

/// What the benchmarks ask of a store beyond the contract (test data to act on), per engine.
protocol BenchProbe {
  /// The newest task's id.
  func newestTaskID() throws -> Int64
  /// Units whose assignment of `task` is pending, at most `limit`.
  func pendingUnits(task: Int64, limit: Int) throws -> [Int64]
  /// The lowest and highest household id.
  func householdIDRange() throws -> ClosedRange<Int64>
}

extension SQLiteStore: BenchProbe {}
extension PostgresStore: BenchProbe {}

/// The store's probe, or exit naming the engine the benchmarks cannot probe.
func probe(_ store: any GridStore) -> any BenchProbe {
  guard let p = store as? any BenchProbe else { fail("wangge-bench cannot probe this engine's stores") }
  return p
}

/// Bounds of the benchmarks' count and size options.
enum OptionBounds {
  static func count(_ n: Int, _ option: String, _ lower: Int = 1, _ upper: Int) throws {
    if let p = InputBounds.rangeProblem(n, lower...upper) { throw ValidationError("\(option): \(p)") }
  }

  static func size(_ text: String, option: String = "--size", example: String) throws -> Size {
    guard let size = Size(parsing: text) else {
      throw ValidationError("\(option): at most 1000x500 and at least 1x1 (e.g. \(example))")
    }
    return size
  }
}

/// Prints `message` to standard error and exits with status 1.
func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data(("wangge-bench: " + Sanitiser.line(message) + "\n").utf8))
  exit(1)
}

/// Exits with the message of an error a person can fix; any other error too.
func failOnUserError(_ error: any Error) -> Never {
  switch error {
  case let e as StoreError: fail(e.description)
  case let e as TaskDeskError: fail(e.description)
  default: fail("\(error)")
  }
}

/// `--at` for the benchmarks: a strict ISO 8601 instant of 2000–2100.
func benchInstant(_ text: String) throws -> Instant {
  switch InstantFormat.check(text) {
  case .success(let instant): return instant
  case .failure(let problem): throw ValidationError("--at: \"\(text)\": \(problem)")
  }
}
