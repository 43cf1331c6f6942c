import ArgumentParser
import Foundation
import WanggeStore

/// The `--db` option shared by every command that reads or writes a store.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .long,
    help:
      "Store file. Default: $WANGGE_DB, else $XDG_DATA_HOME/wangge/wangge.sqlite, else ~/.local/share/wangge/wangge.sqlite."
  )
  var db: String?

  /// What the store is, as typed or from the environment: a path (or `sqlite:PATH`).
  var path: String { StoreLocation.resolve(explicit: db) }

  /// The engine that opens this store.
  func engine() throws -> any StoreEngine {
    do {
      return try Engines.factory.engine(for: path)
    } catch let e as StoreError {
      fail(e.description)
    }
  }

  /// Opens the existing store read-only (no migration, nothing written), or exits with a message
  /// saying what is wrong and what to do. For report, tasks, rankings, snapshot, verify.
  func openForReading() throws -> any GridStore { try open(.read) }

  /// Opens the existing store for writing, migrating an older schema first, or exits with a message.
  /// For ingest, ack, done, dispatch, remind, withdraw, simulate, migrate and the board.
  func openForWriting() throws -> any GridStore { try open(.write) }

  /// The board writes (dispatch, withdraw, remind, the demo simulator), so it opens for writing;
  /// a store this user may not write is opened for reading (its writes then say so).
  func openForBoard() throws -> any GridStore {
    try engine().mayWrite(path) ? try openForWriting() : try openForReading()
  }

  private func open(_ mode: StoreOpenMode) throws -> any GridStore {
    do {
      return try Engines.factory.open(path, mode: mode)
    } catch let e as StoreError {
      fail(e.description)
    }
  }
}

/// Prints `message` to standard error, sanitised.
func printError(_ message: String) {
  let text = CommandLineLanguage.chinese ? ChineseCommandLine.translate(message) : message
  writeStandardError("wangge: " + text + "\n")
}

/// Prints `message` to standard error and exits with status 1.
func fail(_ message: String) -> Never {
  printError(message)
  exit(1)
}

/// Exits with the message of an error a person can fix (unknown place, unknown task, …);
/// any other error is thrown on.
func failOnUserError(_ error: any Error) -> Never {
  switch error {
  case let e as StoreError: fail(e.description)
  case let e as TaskDeskError: fail(e.description)
  case let e as OperatorError: fail(e.description)
  default: fail("\(error)")
  }
}
