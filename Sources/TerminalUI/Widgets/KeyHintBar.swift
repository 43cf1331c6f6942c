/// One key hint: the key and what it does.
public struct KeyHint: Sendable, Hashable {
  public var key: String
  public var action: String
  /// Kept when space is short (e.g. `? 帮助`, `q 退出`): the other hints go first.
  public var essential: Bool
  public init(_ key: String, _ action: String, essential: Bool = false) {
    self.key = key
    self.action = action
    self.essential = essential
  }
  var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(action) }
}

/// A row of key hints (`q 退出  Tab 下一页`); when they do not fit, non-essential hints are left out
/// whole from the end (marked `…`), so the essential ones always show.
public struct KeyHintBar: Sendable {
  public var hints: [KeyHint]
  public init(_ hints: [KeyHint]) { self.hints = hints }

  /// The hints that fit in `width`, essential ones first to stay, in their order; and whether any went.
  func fitting(_ width: Int) -> (hints: [KeyHint], cut: Bool) {
    var kept = hints
    func needed(_ list: [KeyHint], cut: Bool) -> Int {
      list.reduce(0) { $0 + $1.width } + 2 * max(0, list.count - 1) + (cut ? 2 : 0)
    }
    var cut = false
    while needed(kept, cut: cut) > width, let drop = kept.lastIndex(where: { !$0.essential }) {
      kept.remove(at: drop)
      cut = true
    }
    return (kept, cut)
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let (hints, cut) = fitting(area.width)
    var x = area.x
    defer {
      if cut, x + 2 <= area.right {
        buffer.put(" …", x: x, y: area.y, style: Style(.muted), limit: area.right - x)
      }
    }
    for (index, hint) in hints.enumerated() {
      let gap = index == 0 ? 0 : 2
      let width = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.action)
      let moreAfter = index < hints.count - 1
      if x + gap + width + (moreAfter ? 0 : 0) > area.right { return }
      x += gap
      x += buffer.put(
        hint.key, x: x, y: area.y, style: Style(.accent, attributes: .bold), limit: area.right - x)
      x += 1
      x += buffer.put(hint.action, x: x, y: area.y, style: Style(.muted), limit: area.right - x)
    }
  }
}
