/// The characters a box border is drawn with.
public struct BorderSet: Sendable {
  public var horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: Character

  /// Light box-drawing lines ─│┌┐└┘.
  public static let light = BorderSet(
    horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
  /// Plain ASCII +-|, for terminals that draw box lines two columns wide.
  public static let ascii = BorderSet(
    horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")

  /// Light lines, or ASCII when ambiguous-width characters are wide (box lines are ambiguous).
  public static var current: BorderSet { DisplayWidth.ambiguousIsWide ? .ascii : .light }
}

/// A bordered panel with an optional title; `render` returns the inner area for its content.
public struct Box: Sendable {
  public var title: String?
  public var borderStyle: Style
  public var titleStyle: Style
  /// Clear the inside before drawing (for overlays such as modals).
  public var clearsInside: Bool

  public init(
    title: String? = nil, borderStyle: Style = Style(.border), titleStyle: Style = Style(.title),
    clearsInside: Bool = false
  ) {
    self.title = title
    self.borderStyle = borderStyle
    self.titleStyle = titleStyle
    self.clearsInside = clearsInside
  }

  /// Draws the border (and title) around `area`; returns the area inside the border.
  @discardableResult
  public func render(in area: Rect, buffer: inout Buffer) -> Rect {
    guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
    let set = BorderSet.current
    let inner = area.inset(by: 1)
    if clearsInside { buffer.clear(area) }
    for x in area.x + 1..<area.right - 1 {
      buffer.put(set.horizontal, x: x, y: area.y, style: borderStyle, limit: 1)
      buffer.put(set.horizontal, x: x, y: area.bottom - 1, style: borderStyle, limit: 1)
    }
    for y in area.y + 1..<area.bottom - 1 {
      buffer.put(set.vertical, x: area.x, y: y, style: borderStyle, limit: 1)
      buffer.put(set.vertical, x: area.right - 1, y: y, style: borderStyle, limit: 1)
    }
    buffer.put(set.topLeft, x: area.x, y: area.y, style: borderStyle, limit: 1)
    buffer.put(set.topRight, x: area.right - 1, y: area.y, style: borderStyle, limit: 1)
    buffer.put(set.bottomLeft, x: area.x, y: area.bottom - 1, style: borderStyle, limit: 1)
    buffer.put(set.bottomRight, x: area.right - 1, y: area.bottom - 1, style: borderStyle, limit: 1)
    if let title, !title.isEmpty, area.width > 4 {
      buffer.put(
        " \(TextFit.truncate(title, toWidth: area.width - 6)) ", x: area.x + 2, y: area.y, style: titleStyle,
        limit: area.width - 4)
    }
    return inner
  }
}
