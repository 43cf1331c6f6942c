/// A patch applied to cells: `nil` colours keep what the cell already has; attributes are added.
public struct Style: Sendable, Hashable {
  public var fg: Paint?
  public var bg: Paint?
  public var attributes: Attributes

  public init(fg: Paint? = nil, bg: Paint? = nil, attributes: Attributes = []) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }

  /// Foreground from a role, background untouched.
  public init(_ role: Role, attributes: Attributes = []) {
    self.init(fg: .role(role), attributes: attributes)
  }

  /// Foreground and background both from one role (selection, banner).
  public static func filled(_ role: Role, attributes: Attributes = []) -> Style {
    Style(fg: .role(role), bg: .role(role), attributes: attributes)
  }

  /// The plain style: changes nothing.
  public static let plain = Style()

  /// This style with extra attributes.
  public func adding(_ extra: Attributes) -> Style {
    var copy = self
    copy.attributes.formUnion(extra)
    return copy
  }
}
