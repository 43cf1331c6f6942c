/// An editable line of text with a cursor, measured in grapheme clusters and display columns.
///
/// Keys: ←/→, Home/End (and Ctrl-A/Ctrl-E), Backspace, Delete (and Ctrl-D),
/// Ctrl-U (delete to start), Ctrl-K (delete to end), Ctrl-W (delete the word before the cursor).
public struct LineEditor: Sendable, Hashable {
  public private(set) var characters: [Character]
  /// The cursor, as an index into `characters` (0…count).
  public private(set) var cursor: Int

  public init(_ text: String = "") {
    characters = Array(text)
    cursor = characters.count
  }

  public var text: String { String(characters) }

  /// The cursor's display column from the start of the text.
  public var cursorColumn: Int { DisplayWidth.of(String(characters[..<cursor])) }

  /// Replaces the text and puts the cursor at the end.
  public mutating func set(_ text: String) {
    characters = Array(text)
    cursor = characters.count
  }

  /// Inserts typed text at the cursor; combining marks and joiners merge with the grapheme before.
  public mutating func insert(_ text: String) {
    let before = String(characters[..<cursor]) + text
    let merged = Array(before)
    characters = merged + characters[cursor...]
    cursor = merged.count
  }

  /// Applies an editing key; returns false when the key is not an editing key.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .char(let c):
      insert(String(c))
    case .left, .ctrl("b"):
      cursor = max(0, cursor - 1)
    case .right, .ctrl("f"):
      cursor = min(characters.count, cursor + 1)
    case .home, .ctrl("a"):
      cursor = 0
    case .end, .ctrl("e"):
      cursor = characters.count
    case .backspace, .ctrl("h"):
      guard cursor > 0 else { return true }
      characters.remove(at: cursor - 1)
      cursor -= 1
    case .delete, .ctrl("d"):
      guard cursor < characters.count else { return true }
      characters.remove(at: cursor)
    case .ctrl("u"):
      characters.removeFirst(cursor)
      cursor = 0
    case .ctrl("k"):
      characters.removeLast(characters.count - cursor)
    case .ctrl("w"):
      var start = cursor
      while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
      while start > 0 && !characters[start - 1].isWhitespace && !Self.isWordBreak(characters[start - 1]) {
        start -= 1
      }
      if start == cursor && start > 0 { start -= 1 }
      characters.removeSubrange(start..<cursor)
      cursor = start
    default:
      return false
    }
    return true
  }

  /// Separators that end a word for Ctrl-W besides spaces: / and CJK punctuation.
  static func isWordBreak(_ c: Character) -> Bool { "/，。、；：".contains(c) }

  /// The slice of text shown in a field `width` columns wide so the cursor stays visible,
  /// and the cursor's column inside that field.
  public func visibleWindow(width: Int) -> (text: String, cursorColumn: Int) {
    guard width > 1 else { return ("", 0) }
    var start = 0
    // Scroll so that the text before the cursor, plus one cell for the cursor, fits.
    while DisplayWidth.of(String(characters[start..<cursor])) > width - 1 { start += 1 }
    var shown = ""
    var used = 0
    for c in characters[start...] {
      let w = DisplayWidth.of(c)
      if used + w > width { break }
      shown.append(c)
      used += w
    }
    return (shown, DisplayWidth.of(String(characters[start..<cursor])))
  }
}
