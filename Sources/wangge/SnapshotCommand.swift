import ArgumentParser
import Foundation
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// `wangge snapshot`: one frame of the board as plain text, for tests, cron and chat groups.
struct SnapshotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "snapshot", abstract: "Print one view of the board as plain text.")

  @OptionGroup var store: StoreOptions
  @OptionGroup var options: BoardOptions
  @Option(help: "Frame size as WIDTHxHEIGHT.") var size = "120x40"
  @Option(help: "Judge deadlines at this time (ISO 8601) instead of now.") var at: String?

  func validate() throws {
    guard parsedSize != nil else {
      throw ValidationError("--size: \"\(size)\" is not WIDTHxHEIGHT (e.g. 120x40)")
    }
    if let at, InstantFormat.parse(at) == nil {
      throw ValidationError("--at: \"\(at)\" is not a time (e.g. 2026-11-22T20:00:00+08:00)")
    }
  }

  var parsedSize: Size? { Size(parsing: size) }

  func run() throws {
    let s = try store.open()
    let loaded = ThemeLoader.load(option: options.theme)
    for message in loaded.messages { printError(message) }
    let clock: any Clock = at.flatMap(InstantFormat.parse).map { FixedClock($0) } ?? SystemClock()
    do {
      let board = try options.makeBoard(store: s, clock: clock, themeName: loaded.theme.name)
      var buffer = Buffer(size: parsedSize!)
      BoardRenderer.render(board, into: &buffer, tick: 0)
      print(
        buffer.lines().map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
          .joined(separator: "\n"))
    } catch let e as StoreError {
      fail(e.description)
    }
  }
}
