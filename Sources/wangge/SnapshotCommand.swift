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
  @Option(help: "Frame size as WIDTHxHEIGHT.", transform: OptionValue.size(example: "120x40"))
  var size = Size(width: 120, height: 40)
  @OptionGroup var clock: ClockOption

  func run() throws {
    let s = try store.openForReading()
    let loaded = ThemeLoader.load(option: options.theme)
    for message in loaded.messages { printError(message) }
    do {
      let board = try options.makeBoard(
        store: s, clock: clock.clock, lookingBack: clock.isFixed, themeName: loaded.theme.name)
      var buffer = Buffer(size: size)
      BoardRenderer.render(board, into: &buffer, tick: 0)
      print(
        buffer.lines().map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
          .joined(separator: "\n"))
    } catch let e as StoreError {
      fail(e.description)
    }
  }
}
