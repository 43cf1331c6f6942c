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
      return try loadedPlaceIndex().matcher.matches(argument, limit: limit).map {
        "goto " + $0.path.joined(separator: "/")
      }
    case .lang?: return ["zh", "en"].filter { $0.hasPrefix(argument) }.map { "lang " + $0 }
    case .theme?:
      return ["default", "light", "high-contrast", "mono"].filter { $0.hasPrefix(argument) }.map {
        "theme " + $0
      }
    case .view?:
      return availableViews.map(\.rawValue).filter { $0.hasPrefix(argument) }.map { "view " + $0 }
    default: return []
    }
  }

  func loadedPlaceIndex() throws -> PlaceIndex {
    if let placeIndex { return placeIndex }
    let index = try PlaceIndex(store: store, levels: levels)
    placeIndex = index
    return index
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
      words = Words(language)
      try reload(compare: false, tick: tick)
    case .theme?:
      guard !argument.isEmpty else { return true }
      requestedTheme = argument
    case .view?:
      guard let next = BoardView(rawValue: argument), availableViews.contains(next) else {
        say(
          words("这里可用的视图：", "Views here: ") + availableViews.map(\.rawValue).joined(separator: ", "),
          kind: .late, tick: tick)
        return true
      }
      try switchView(to: next, tick: tick)
    case nil:
      say(
        words(
          "未知命令 :\(name)（可用：goto theme lang view q）",
          "Unknown command :\(name) (try goto, theme, lang, view, q)"),
        kind: .late, tick: tick)
    }
    return true
  }

  /// `:goto` — a full path first, then the best fuzzy / pinyin match.
  func goto(_ query: String, tick: Double) throws {
    guard !query.isEmpty else { return }
    if let place = try? store.resolve(PlacePath(parsing: query)) {
      try go(to: place.id, tick: tick)
      return
    }
    guard let match = try loadedPlaceIndex().matcher.matches(query, limit: 1).first else {
      say(words("找不到“\(query)”", "No place matches “\(query)”"), kind: .late, tick: tick)
      return
    }
    try go(to: match.id, tick: tick)
  }
}
