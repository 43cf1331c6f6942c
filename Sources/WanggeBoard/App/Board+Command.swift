import Foundation
import TerminalUI
import WanggeCore
import WanggeStore

extension Board {
  /// What the command line would complete to, best first (at most `limit`).
  public func completions(for text: String, limit: Int = 6) throws -> [String] {
    let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let name = parts.first ?? ""
    if parts.count < 2 {
      return BoardCommandName.allCases.map(\.rawValue).filter { $0.hasPrefix(name) }.map { $0 + " " }
    }
    let argument = parts[1]
    switch BoardCommandName(rawValue: name) {
    case .goto?:
      guard !argument.isEmpty else { return [] }
      return try gotoCompletions(argument, limit: limit)
    case .lang?: return ["zh", "en"].filter { $0.hasPrefix(argument) }.map { "lang " + $0 }
    case .theme?:
      return themeNames.filter { $0.hasPrefix(argument) }.map {
        "theme " + $0
      }
    case .view?:
      return availableViews.map(\.rawValue).filter { $0.hasPrefix(argument) }.map { "view " + $0 }
    default: return []
    }
  }

  func loadedPlaceDirectory() throws -> PlaceDirectory {
    if let placeDirectory { return placeDirectory }
    let directory = try PlaceDirectory(store: store)
    placeDirectory = directory
    return directory
  }

  /// The one place matcher of the board and the commands, reading the board's cached directory.
  var placeFinder: PlaceFinder { PlaceFinder(store: store, directory: { try self.loadedPlaceDirectory() }) }

  /// `:goto` completions: what the finder settles on from here first, then the directory's best matches.
  func gotoCompletions(_ argument: String, limit: Int) throws -> [String] {
    var paths: [String] = []
    if case .found(let place) = try placeFinder.find(argument, from: trail.last) {
      paths.append(place.parentID == nil ? place.name : try store.path(of: place.id).description)
    }
    for m in try loadedPlaceDirectory().matcher.matches(argument, limit: limit) {
      let path = m.path.joined(separator: "/")
      if !paths.contains(path) { paths.append(path) }
    }
    return paths.prefix(limit).map { "goto " + $0 }
  }

  /// Loads the completions shown above the command line for what is typed so far (drawing reads them only).
  func loadCompletions(tick: Double) {
    guard case .command(let editor) = mode else {
      commandCompletions = []
      return
    }
    do {
      commandCompletions = try completions(for: editor.text)
    } catch {
      commandCompletions = []
      say(words("读取地点失败：", "Could not read the places: ") + "\(error)", kind: .overdue, tick: tick)
    }
  }

  func handleCommand(_ key: Key, editor: inout LineEditor, tick: Double) throws -> Bool {
    switch key {
    case .escape:
      mode = .normal
      return true
    case .tab:
      if let first = try completions(for: editor.text).first { editor.set(first) }
      mode = .command(editor)
      return true
    case .enter:
      mode = .normal
      return try run(command: editor.text, tick: tick)
    case .backspace where editor.text.isEmpty:
      mode = .normal
      return true
    default:
      _ = editor.handle(key)
      mode = .command(editor)
      return true
    }
  }

  /// Runs a `:` command; returns false for `:q`.
  public func run(command text: String, tick: Double) throws -> Bool {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
    guard let name = parts.first else { return true }
    let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
    switch BoardCommandName(rawValue: name) ?? (name == "quit" ? .q : nil) {
    case .q?: return false
    case .goto?: try goto(argument, tick: tick)
    case .lang?:
      guard let language = Language(code: argument) else {
        say(words("语言只能是 zh 或 en", "Language must be zh or en"), kind: .overdue, tick: tick)
        return true
      }
      words = Words(language, thresholds: words.thresholds)
      try reload(compare: false, tick: tick)
    case .theme?:
      guard !argument.isEmpty else { return true }
      if let problem = themeProblem(argument) {
        say(problem, kind: .late, tick: tick)
        return true
      }
      requestedTheme = argument
    case .view?:
      guard let next = BoardView(rawValue: argument),
        availableViews.contains(next) || (BoardView.onDemand.contains(next) && !isUnit)
      else {
        say(
          words("这里可用的视图：", "Views here: ") + availableViews.map(\.rawValue).joined(separator: ", "),
          kind: .late, tick: tick)
        return true
      }
      try switchView(to: next, tick: tick)
    case .order?, .claim?, .close?:
      try runOrderCommand(BoardCommandName(rawValue: name)!, argument, tick: tick)
    case .spotcheck?: try spotCheck(argument, tick: tick)
    case .decision?: try addDecision(argument, tick: tick)
    case nil:
      say(
        words(
          "未知命令 :\(name)（可用：goto theme lang view decision q）",
          "Unknown command :\(name) (try goto, theme, lang, view, decision, q)"),
        kind: .late, tick: tick)
    }
    return true
  }

  /// `:goto` — the one place matcher (``PlaceFinder``) from the place on screen; when the input is
  /// ambiguous or names nothing, the message lists the candidates.
  func goto(_ query: String, tick: Double) throws {
    guard !query.isEmpty else { return }
    switch try placeFinder.find(query, from: trail.last) {
    case .found(let place): try go(to: place.id, tick: tick)
    case .ambiguous(let list):
      say(
        words("“\(query)”有多处：", "“\(query)” matches several places: ")
          + list.map { $0.path.joined(separator: "/") }.joined(separator: words("；", "; ")),
        kind: .late, tick: tick)
    case .notFound(let list):
      let near = list.map { $0.path.joined(separator: "/") }.joined(separator: words("；", "; "))
      say(
        words("找不到“\(query)”", "No place matches “\(query)”")
          + (near.isEmpty ? "" : words("；相近：", "; closest: ") + near),
        kind: .late, tick: tick)
    }
  }

  /// The themes `:theme` knows: the built-ins, then the user's own.
  var themeNames: [String] {
    BuiltinThemes.names + ThemeLoader.userThemeNames(environment: ProcessInfo.processInfo.environment)
  }

  /// Why `:theme name` cannot apply, in the board's language (nil: a known name or a file path).
  func themeProblem(_ name: String) -> String? {
    if name.contains("/") || name.hasSuffix(".toml") || themeNames.contains(name) { return nil }
    let known = themeNames.joined(separator: words("、", ", "))
    return words(
      "没有主题“\(name)”（可用：\(known)，或 .toml 文件路径）",
      "No theme “\(name)” (allowed: \(known), or a path to a .toml file)")
  }
}
