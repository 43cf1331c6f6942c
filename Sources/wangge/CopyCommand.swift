import ArgumentParser
import Foundation
import WanggeStore

/// `wangge copy`: moves a whole store to another place or engine (a station's SQLite file up to the
/// district's PostgreSQL, or back down for a laptop), streaming every table, then verifies the copy.
struct CopyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "copy",
    abstract: "Copy a whole store to another file or server (SQLite ↔ PostgreSQL), then verify the copy.",
    discussion: """
      Both --from and --to take what --db takes: a path, sqlite:PATH, postgres://user@host:port/db, \
      postgresql://…, or pg: with the PG* variables. The copy is all or nothing: a failed copy leaves the \
      target as it was. An existing store at --to is replaced only with --force.
      """)

  @Option(help: "The store to copy (read only, never changed).") var from: String
  @Option(help: "Where the copy goes (a new SQLite file, or an empty PostgreSQL database).") var to: String
  @Flag(help: "Replace an existing store at --to.") var force = false

  func run() throws {
    let factory = Engines.factory
    let sourceEngine: any StoreEngine
    let targetEngine: any StoreEngine
    do {
      sourceEngine = try factory.engine(for: from)
      targetEngine = try factory.engine(for: to)
    } catch {
      failOnUserError(error)
    }
    let fromText = sourceEngine.display(from)
    let toText = targetEngine.display(to)
    if sourceEngine.name == targetEngine.name, from == to {
      fail("--from and --to are the same store (\(toText)); give another --to")
    }
    let source: any GridStore
    do {
      source = try factory.open(from, mode: .read)
    } catch {
      failOnUserError(error)
    }
    OwnerOnly.refuse(
      source, "copy --from \(fromText)",
      instead:
        "a copy holds every phone, so the store's owner runs it (`wangge export` writes masked ledgers)")
    guard let archive = source as? any StoreArchive else {
      fail("the \(sourceEngine.name) engine cannot export \(fromText) (no table stream in this build)")
    }
    let cleanup = PartialCleanup.onSignals(path: to, engine: targetEngine)  // Ctrl-C: no partial file left
    defer { withExtendedLifetime(cleanup) {} }
    let counting = CountingArchive(archive)
    let started = Date()
    let rows: Int
    do {
      rows = try targetEngine.load(from: counting, at: to, replace: force)
    } catch {
      printError("the copy failed and \(toText) was left as it was")
      failOnUserError(error)
    }
    let copied = Date().timeIntervalSince(started)
    let target: any GridStore
    let mismatches: [RollupMismatch]
    let outOfBounds: [BoundViolation]
    do {
      target = try factory.open(to, mode: .read)
      mismatches = try target.verify()
      outOfBounds = try target.boundViolations()
    } catch {
      failOnUserError(error)
    }
    let list = counting.counts.filter { $0.rows > 0 }.map { "\($0.table) \($0.rows.grouped)" }
    print(
      """
      \(fromText) (\(sourceEngine.name)) → \(toText) (\(targetEngine.name))
        \(rows.grouped) rows in \(String(format: "%.1f", copied)) s: \(list.joined(separator: ", "))
      """)
    if mismatches.isEmpty && outOfBounds.isEmpty {
      print("  verified: every rollup matches a recount, every value is within bounds")
      return
    }
    for m in mismatches { print(m.description) }
    for v in outOfBounds { print(v.description) }
    printError(
      "the copy at \(toText) does not verify (\(mismatches.count) rollup mismatch(es), \(outOfBounds.count) "
        + "value(s) out of bounds); run `wangge verify` on the source: the copy holds its rows as they are")
    throw ExitCode(1)
  }
}
