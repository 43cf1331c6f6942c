/// The answer to a confirmation.
public enum ModalResult: Sendable, Hashable {
  case confirmed, cancelled
}

/// A centred yes/no box over the screen: ←/→/Tab choose, Enter answers, y/n and Esc answer at once.
public struct ConfirmModal: Sendable {
  public var title: String
  public var message: String
  /// Whether "yes" is the highlighted button (no is the safe default).
  public var yesSelected: Bool
  public var language: Language

  public init(title: String, message: String, language: Language = .zh, yesSelected: Bool = false) {
    self.title = title
    self.message = message
    self.language = language
    self.yesSelected = yesSelected
  }

  /// Applies a key; returns the answer when one was given.
  public mutating func handle(_ key: Key) -> ModalResult? {
    switch key {
    case .left, .right, .tab, .backTab: yesSelected.toggle()
    case .enter: return yesSelected ? .confirmed : .cancelled
    case .escape, .char("n"), .char("N"): return .cancelled
    case .char("y"), .char("Y"): return .confirmed
    default: break
    }
    return nil
  }

  /// Draws the box centred in `screen`, clearing what is under it.
  public func render(in screen: Rect, buffer: inout Buffer) {
    let yes = "[ \(UIText.yes(language)) ]"
    let no = "[ \(UIText.no(language)) ]"
    let buttonsWidth = DisplayWidth.of(yes) + 2 + DisplayWidth.of(no)
    // One line per "\n" of the message; the box grows to hold them (and shrinks to the screen).
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let widest = lines.map { DisplayWidth.of($0) }.max() ?? 0
    let contentWidth = min(max(widest, buttonsWidth, DisplayWidth.of(title) + 4), max(0, screen.width - 4))
    let box = screen.centered(width: contentWidth + 4, height: min(screen.height, lines.count + 5))
    let inner = Box(title: title, borderStyle: Style(.accent), clearsInside: true).render(
      in: box, buffer: &buffer)
    guard inner.height >= 3 else { return }
    let text = inner.inset(horizontal: 1, vertical: 0)
    for (index, line) in lines.prefix(max(0, inner.height - 2)).enumerated() {
      buffer.put(
        line, in: text.row(index), style: Style(.text), alignment: lines.count == 1 ? .center : .left)
    }
    let buttonsX = inner.x + max(0, (inner.width - buttonsWidth) / 2)
    let y = inner.bottom - 1
    let selected = Style.filled(.selection, attributes: .bold)
    var x = buttonsX
    x += buffer.put(yes, x: x, y: y, style: yesSelected ? selected : Style(.muted), limit: inner.right - x)
    x += 2
    buffer.put(no, x: x, y: y, style: yesSelected ? Style(.muted) : selected, limit: inner.right - x)
  }
}
