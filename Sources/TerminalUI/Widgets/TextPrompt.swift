/// A one-line input with a label (`搜索：` then the field), drawing the field and placing the cursor.
public struct TextPrompt: Sendable {
  public var label: String
  public var editor: LineEditor
  public var placeholder: String
  public var isFocused: Bool

  public init(
    label: String, editor: LineEditor = LineEditor(), placeholder: String = "", isFocused: Bool = true
  ) {
    self.label = label
    self.editor = editor
    self.placeholder = placeholder
    self.isFocused = isFocused
  }

  /// Draws into the first row of `area`; returns where the terminal cursor belongs (when focused).
  @discardableResult
  public func render(in area: Rect, buffer: inout Buffer) -> (x: Int, y: Int)? {
    guard !area.isEmpty else { return nil }
    let labelWidth = buffer.put(
      label, x: area.x, y: area.y, style: Style(isFocused ? .accent : .text), limit: area.width)
    let field = Rect(x: area.x + labelWidth, y: area.y, width: area.width - labelWidth, height: 1)
    guard field.width > 1 else { return nil }
    buffer.clear(field, style: .filled(.input))
    if editor.characters.isEmpty && !placeholder.isEmpty {
      buffer.put(placeholder, in: field, style: Style(fg: .role(.muted), bg: .role(.input)))
      return isFocused ? (field.x, field.y) : nil
    }
    let window = editor.visibleWindow(width: field.width)
    buffer.put(window.text, x: field.x, y: field.y, style: .filled(.input), limit: field.width)
    return isFocused ? (field.x + window.cursorColumn, field.y) : nil
  }
}
