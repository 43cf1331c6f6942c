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
  @OptionGroup var clock: ClockOption
  @Option(
    help:
      "Run the board's clock from this instant on (ISO 8601), for drills and tests: it dispatches and its deadlines move, unlike --at.",
    transform: OptionValue.instant("--start-at")
  )
  var startAt: Instant?

  func validate() throws {
    if startAt != nil && clock.isFixed {
      throw ValidationError(
        "--start-at and --at: give one (--at looks back read-only; --start-at runs a drill clock)")
    }
  }

  /// `--at` (fixed, looking back), `--start-at` (a drill clock that runs on), else the machine's clock.
  var boardClock: any Clock {
    if let startAt { return ShiftedClock(startingAt: startAt) }
    return clock.clock
  }

  func run() throws {
    let demo = try DemoBootstrap.ensureStore(store, anchor: boardClock.now())
    let s = try store.openForBoard()
    let loaded = ThemeLoader.load(option: options.theme)
    for message in loaded.messages { printError(message) }
    let board: Board
    do {
      board = try options.makeBoard(
        store: s, clock: boardClock, lookingBack: clock.isFixed, themeName: loaded.theme.name)
    } catch let e as StoreError {
      fail(e.description)
    }
    board.drillClock = startAt != nil
    let environment = ProcessInfo.processInfo.environment
    board.clipboardWorks = OSC52.isKnownToWork(environment: environment)
    if let tmp = environment["TMPDIR"], !tmp.isEmpty { board.copyDirectory = tmp }
    // Automatic baselines at the configured times (as `baseline auto`); a bad entry is said and none marked.
    if let times = environment["WANGGE_BASELINE_TIMES"] {
      switch BaselineSchedule.parse(times) {
      case .success(let s): board.autoBaseline.schedule = s.minutes.isEmpty ? nil : s
      case .failure(let p):
        printError("WANGGE_BASELINE_TIMES: \(p.description); no automatic baselines")
        board.autoBaseline.schedule = nil
      }
    }
    let backend: NcursesBackend
    do {
      backend = try NcursesBackend(theme: loaded.theme)
    } catch {
      fail("\(error.description); or `wangge report` for the figures")
    }
    defer { backend.shutdown() }
    // Looking back shows the store as it stood: nothing is simulated into it.
    let simulation = demo && !clock.isFixed ? DemoSimulation.start(path: s.location, clock: boardClock) : nil
    defer { simulation?.stop() }
    var runner = BoardRunner()
    runner.applyTheme = { name in
      let next = ThemeLoader.load(option: name)
      backend.theme = next.theme
      board.themeName = next.theme.name
      backend.invalidate()
      return next.messages.first
    }
    // A live feed where the engine has one (PostgreSQL); without it (SQLite, or the feed's own
    // connection refused) the board polls the store's change token.
    let feed = try? s.changeFeed()
    runner.run(board, backend: backend, feed: feed)
  }
}
