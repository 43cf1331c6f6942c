import ArgumentParser
import Foundation
import TerminalUI
import WanggeCore
import WanggeSQLite
import WanggeStore

/// `--db` for the benchmarks: they measure the SQLite engine's internals, so they open it directly
/// (always on a copy of a store: they write).
struct StoreOptions: ParsableArguments {
  @Option(name: .long, help: "Store file (a copy: benchmarks write). Default: as for wangge.") var db: String?

  /// The SQLite store, opened for writing.
  func openForWriting() throws -> SQLiteStore {
    do {
      return try SQLiteStore(path: SQLiteEngine.path(of: StoreLocation.resolve(explicit: db)), mode: .write)
    } catch let e as StoreError {
      fail(e.description)
    }
  }

  /// The SQLite store, opened read-only.
  func openForReading() throws -> SQLiteStore {
    do {
      return try SQLiteStore(path: SQLiteEngine.path(of: StoreLocation.resolve(explicit: db)), mode: .read)
    } catch let e as StoreError {
      fail(e.description)
    }
  }
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
