import ArgumentParser
import Foundation
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// `wangge board` (and `wangge` alone): the live command board in the terminal.
struct BoardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "board",
    abstract: "The live command board (the default). With no store configured, runs on a Jiaohe demo store.")

  @OptionGroup var store: StoreOptions
  @OptionGroup var options: BoardOptions

  func run() throws {
    let demo = try DemoBootstrap.ensureStore(store)
    let s = try store.openForBoard()
    let loaded = ThemeLoader.load(option: options.theme)
    for message in loaded.messages { printError(message) }
    let board: Board
    do {
      board = try options.makeBoard(store: s, clock: SystemClock(), themeName: loaded.theme.name)
    } catch let e as StoreError {
      fail(e.description)
    }
    let backend: NcursesBackend
    do {
      backend = try NcursesBackend(theme: loaded.theme)
    } catch {
      fail("\(error.description); for text output use `wangge snapshot` or `wangge report`")
    }
    defer { backend.shutdown() }
    let simulation = demo ? DemoSimulation.start(path: s.path) : nil
    defer { simulation?.stop() }
    var runner = BoardRunner()
    runner.applyTheme = { name in
      let next = ThemeLoader.load(option: name)
      backend.theme = next.theme
      board.themeName = next.theme.name
      backend.invalidate()
      return next.messages.first
    }
    runner.run(board, backend: backend)
  }
}
