/// A full-width line with text on the left and on the right (the right side wins when tight).
public struct StatusLine: Sendable {
  public var left: String
  public var right: String
  public var role: Role

  public init(left: String, right: String = "", role: Role = .header) {
    self.left = left
    self.right = right
    self.role = role
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let row = area.row(0)
    buffer.clear(row, style: .filled(role))
    let rightText = TextFit.truncate(right, toWidth: area.width)
    let rightWidth = DisplayWidth.of(rightText)
    buffer.put(rightText, in: row, style: .filled(role), alignment: .right)
    let leftRoom = area.width - rightWidth - (rightWidth > 0 ? 1 : 0)
    if leftRoom > 0 {
      buffer.put(left, in: Rect(x: area.x, y: area.y, width: leftRoom, height: 1), style: .filled(role))
    }
  }
}
