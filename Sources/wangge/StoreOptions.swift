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

  var path: String { StoreLocation.resolve(explicit: db) }

  /// Opens the existing store or exits with a message saying how to create one.
  func open() throws -> SQLiteStore {
    do {
      return try SQLiteStore(path: path)
    } catch let e as StoreError {
      fail(e.description)
    }
  }
}

/// Prints `message` to standard error, sanitised.
func printError(_ message: String) {
  writeStandardError("wangge: " + message + "\n")
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
  default: fail("\(error)")
  }
}
