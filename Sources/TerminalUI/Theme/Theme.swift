/// What a theme says about one role: colours (nil = inherit) and attributes.
public struct RoleStyle: Sendable, Hashable {
  public var fg: Color?
  public var bg: Color?
  public var attributes: Attributes

  public init(fg: Color? = nil, bg: Color? = nil, attributes: Attributes = []) {
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
  }
}

/// A cell's final look after a theme resolved its roles: what a backend draws.
public struct ResolvedStyle: Sendable, Hashable {
  public var fg: Color?
  public var bg: Color?
  public var attributes: Attributes
}

/// A colour theme: a style for each ``Role``. Widgets name roles; the backend asks the theme.
public struct Theme: Sendable, Hashable {
  public var name: String
  public var description: String
  public var roles: [Role: RoleStyle]

  public init(name: String, description: String = "", roles: [Role: RoleStyle]) {
    self.name = name
    self.description = description
    self.roles = roles
  }

  /// The style a theme gives `role` (empty when the theme leaves it out).
  public func style(_ role: Role) -> RoleStyle { roles[role] ?? RoleStyle() }

  /// The text colour used for `role`: its own, else the text role's, else the background's fg.
  public func foreground(_ role: Role) -> Color? {
    style(role).fg ?? style(.text).fg ?? style(.background).fg
  }

  /// The background colour used for `role`: its own, else the screen background.
  public func background(_ role: Role) -> Color? {
    style(role).bg ?? style(.background).bg
  }

  /// Whether any role has a colour (false for `mono`: the backend then starts no colour at all).
  public var usesColor: Bool {
    roles.values.contains { $0.fg != nil || $0.bg != nil }
  }

  /// The final colours and attributes of a cell under this theme.
  public func resolve(_ cell: Cell) -> ResolvedStyle {
    var attributes = cell.attributes
    let fg: Color?
    switch cell.fg {
    case .role(let role):
      fg = foreground(role)
      attributes.formUnion(style(role).attributes)
    case .color(let color):
      fg = color
    }
    let bg: Color?
    switch cell.bg {
    case .role(let role):
      bg = background(role)
      if role != .background { attributes.formUnion(style(role).attributes) }
    case .color(let color):
      bg = color
    }
    return ResolvedStyle(fg: fg, bg: bg, attributes: attributes)
  }
}
