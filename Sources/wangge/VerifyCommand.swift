import ArgumentParser
import Foundation
import WanggeStore

/// `wangge verify`: recounts every rollup from the raw rows and lists any mismatch.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify", abstract: "Recount every rollup from the raw rows; exit 1 on any mismatch.")

  @OptionGroup var store: StoreOptions

  func run() throws {
    let s = try store.openForReading()
    let started = Date()
    let mismatches = try s.verify()
    let outOfBounds = try s.boundViolations()
    let seconds = Date().timeIntervalSince(started)
    if mismatches.isEmpty && outOfBounds.isEmpty {
      print(
        String(
          format: "verified: every rollup matches a recount, every value is within bounds (%.1f s)", seconds))
      return
    }
    for m in mismatches { print(m.description) }
    for v in outOfBounds { print(v.description) }
    if !mismatches.isEmpty {
      printError("\(mismatches.count) rollup mismatch(es); the store's rollups disagree with its raw rows")
    }
    if !outOfBounds.isEmpty {
      printError(
        "\(outOfBounds.count) stored value(s) out of bounds; correct or withdraw those rows (the program no longer accepts such values)"
      )
    }
    throw ExitCode(1)
  }
}
