import ArgumentParser
import Foundation
import WanggeStore

/// `wangge migrate`: upgrades a store written by an older wangge to this binary's schema.
struct MigrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Upgrade a store written by an older wangge to this version's schema (writers also do it).",
    discussion: """
      Reading commands (report, tasks, rankings, snapshot, verify) never write, so they refuse a store of an \
      older schema and point here. Writing commands (ingest, ack, done, dispatch, remind, simulate, the board) \
      upgrade it themselves. A store of a newer schema is refused by both and left unchanged.
      """)

  @OptionGroup var store: StoreOptions

  func run() throws {
    let s = try store.openForWriting()
    print("\(s.location): schema is current")
  }
}
