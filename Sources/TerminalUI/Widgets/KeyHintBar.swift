/// One key hint: the key and what it does.
public struct KeyHint: Sendable, Hashable {
  public var key: String
  public var action: String
  public init(_ key: String, _ action: String) {
    self.key = key
    self.action = action
  }
}

/// A row of key hints (`q 退出  Tab 下一页`); hints that do not fit are left out whole.
public struct KeyHintBar: Sendable {
  public var hints: [KeyHint]
  public init(_ hints: [KeyHint]) { self.hints = hints }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    var x = area.x
    for (index, hint) in hints.enumerated() {
      let gap = index == 0 ? 0 : 2
      let width = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.action)
      let moreAfter = index < hints.count - 1
      if x + gap + width + (moreAfter ? 0 : 0) > area.right {
        if x + 2 <= area.right {
          buffer.put(" …", x: x, y: area.y, style: Style(.muted), limit: area.right - x)
        }
        return
      }
      x += gap
      x += buffer.put(
        hint.key, x: x, y: area.y, style: Style(.accent, attributes: .bold), limit: area.right - x)
      x += 1
      x += buffer.put(hint.action, x: x, y: area.y, style: Style(.muted), limit: area.right - x)
    }
  }
}
