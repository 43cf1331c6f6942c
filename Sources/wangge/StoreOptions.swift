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

/// Prints `message` to standard error.
func printError(_ message: String) {
  FileHandle.standardError.write(Data(("wangge: " + message + "\n").utf8))
}

/// Prints `message` to standard error and exits with status 1.
func fail(_ message: String) -> Never {
  printError(message)
  exit(1)
}
