/// Horizontal alignment of text inside a fixed number of columns.
public enum Alignment: Sendable, Hashable {
  case left, center, right
}

/// Fitting text to a number of terminal columns: truncation with `…` and padding by display width.
///
/// Text is sanitised first (``Sanitiser/line(_:)``), so widths are those of what will be shown.
public enum TextFit {
  /// The ellipsis put where text was cut.
  public static let ellipsis: Character = "…"

  /// `text` cut to at most `width` columns; when cut, the end is replaced by `…`.
  /// A wide character that would straddle the limit is dropped, never split.
  public static func truncate(_ text: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    let text = Sanitiser.line(text)
    if DisplayWidth.of(text) <= width { return text }
    let ellipsisWidth = DisplayWidth.of(ellipsis)
    if ellipsisWidth > width { return String(repeating: " ", count: width) }
    var result = ""
    var used = 0
    for character in text {
      let w = DisplayWidth.of(character)
      if used + w + ellipsisWidth > width { break }
      result.append(character)
      used += w
    }
    return result + String(ellipsis)
  }

  /// `text` cut from the LEFT to at most `width` columns, keeping the end: `…/12号楼/3单元`.
  public static func truncateLeading(_ text: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    let text = Sanitiser.line(text)
    if DisplayWidth.of(text) <= width { return text }
    let ellipsisWidth = DisplayWidth.of(ellipsis)
    if ellipsisWidth > width { return String(repeating: " ", count: width) }
    var kept: [Character] = []
    var used = 0
    for character in text.reversed() {
      let w = DisplayWidth.of(character)
      if used + w + ellipsisWidth > width { break }
      kept.append(character)
      used += w
    }
    return String(ellipsis) + String(kept.reversed())
  }

  /// `text` truncated if needed and padded with spaces to exactly `width` columns.
  public static func pad(_ text: String, toWidth width: Int, alignment: Alignment = .left) -> String {
    guard width > 0 else { return "" }
    let fitted = truncate(text, toWidth: width)
    let gap = width - DisplayWidth.of(fitted)
    switch alignment {
    case .left:
      return fitted + String(repeating: " ", count: gap)
    case .right:
      return String(repeating: " ", count: gap) + fitted
    case .center:
      let left = gap / 2
      return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: gap - left)
    }
  }
}
