import ArgumentParser
import Foundation
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// Options the board and its snapshot share: where to start, which view, language and theme.
struct BoardOptions: ParsableArguments {
  @Option(help: "Place to open, e.g. 河北街道/水映花城社区 (default: the whole grid).") var path: String?
  @Option(help: "View (default: the place's own).") var view: BoardView?
  @Option(help: "Language: zh or en (default: from the locale; Chinese when unset).") var lang: Language?
  @Option(help: "Theme name (default, light, high-contrast, mono, or a user theme) or a .toml path.")
  var theme: String?
  @Option(help: "Operator name shown in the header (default: the login name).") var `operator`: String?
  @Flag(
    help: "Refuse every key that writes (dispatch, undo, remind); the header says 只读. Viewers always are.")
  var readOnly = false
  @Option(help: "Board settings file (key = value; default: ~/.config/wangge/board.conf when it exists).")
  var config: String?
  @Flag(help: "Draw East Asian ambiguous characters (①, “”, ─) two columns wide.") var ambiguousWide = false

  /// zh unless --lang or the locale (LC_ALL, LC_MESSAGES, LANG) says English.
  var language: Language {
    if let lang { return lang }
    let env = ProcessInfo.processInfo.environment
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = env[key], !value.isEmpty {
        return value.lowercased().hasPrefix("en") ? .en : .zh
      }
    }
    return .zh
  }

  var operatorName: String {
    if let name = `operator`, !name.isEmpty { return name }
    return ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
  }

  /// Opens the board on `store` at the chosen place and view.
  /// With `lookingBack`, the board shows the figures as they stood at the clock's fixed instant.
  func makeBoard(store: any GridStore, clock: any Clock, lookingBack: Bool = false, themeName: String) throws
    -> Board
  {
    DisplayWidth.ambiguousIsWide = ambiguousWide
    let gate = OperatorCheck.gate(store, readOnly: readOnly)
    var start = try gate.scopeRoot(in: store)
    if let path {
      if gate.identity.scopeID != nil, case .notFound = try PlaceFinder(store: store).find(path) {
        // Row-level security hides what lies outside the scope: say so rather than "unknown".
        let scope = (try? store.path(of: start.id).description) ?? start.name
        failOnUserError(
          OperatorError.outOfScope(
            operator: gate.identity.name, place: path, scope: scope.isEmpty ? start.name : scope))
      }
      start = try resolvePlace(path, in: store, option: "--path")
      do { try gate.requireInScope(start, in: store) } catch { failOnUserError(error) }
    }
    let thresholds: BoardThresholds
    switch BoardConfig.load(path: config) {
    case .success(let read): thresholds = read
    case .failure(let error):
      fail(error.problems.joined(separator: "\nwangge: ") + "\n(the board was not started)")
    }
    let board = try Board(
      store: store, clock: clock, language: language, themeName: themeName,
      operatorName: gate.recordedName(fallback: operatorName), storeLabel: store.label,
      isDemo: (try? store.isDemo()) == true, start: start, view: view, lookingBack: lookingBack,
      thresholds: thresholds)
    board.access = BoardAccess(
      scopeID: gate.identity.scopeID, scopeName: start.name, unscoped: gate.identity.unscoped,
      readOnly: gate.readOnly, standby: store.isStandby)
    board.revealer = BoardRevealer(desk: store, role: gate.identity.role)
    return board
  }
}
