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
  @OptionGroup var clock: ClockOption

  func validate() throws {
    guard parsedSize != nil else {
      throw ValidationError("--size: \"\(size)\" is not WIDTHxHEIGHT (e.g. 120x40)")
    }
  }

  var parsedSize: Size? {
    let parts = size.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
    return Size(width: w, height: h)
  }

  func run() throws {
    let s = try store.openForReading()
    let loaded = ThemeLoader.load(option: options.theme)
    for message in loaded.messages { printError(message) }
    do {
      let board = try options.makeBoard(
        store: s, clock: clock.clock, lookingBack: clock.isFixed, themeName: loaded.theme.name)
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
