/// A named colour role; themes give each role colours and attributes, widgets only name roles.
public enum Role: String, CaseIterable, Sendable, Hashable {
  /// The screen's background (its `bg`) and default text colour.
  case background
  /// Ordinary text.
  case text
  /// Secondary text: hints, units, disabled entries.
  case muted
  /// Emphasis: the focused field, key names, links.
  case accent
  /// Box borders and separators.
  case border
  /// Titles of panels and windows.
  case title
  /// Table header row.
  case header
  /// The selected row or item (usually a `bg`).
  case selection
  /// Good / on time / done.
  case good
  /// Warning / late.
  case warn
  /// Bad / overdue.
  case bad
  /// Critical: green-channel emergencies, escalations.
  case critical
  /// A value that changed since the last refresh.
  case highlight
  /// A banner line across the screen (alerts, top bar).
  case banner
  /// Text input fields.
  case input
}

/// Where a cell's colour comes from: a theme role or a fixed colour.
public enum Paint: Sendable, Hashable {
  case role(Role)
  case color(Color)
}

/// A concrete terminal colour.
public enum Color: Sendable, Hashable {
  /// The terminal's own default foreground or background.
  case terminalDefault
  /// One of the 256 indexed colours (0–15 are the terminal's ANSI palette).
  case indexed(UInt8)
  /// A 24-bit colour.
  case rgb(UInt8, UInt8, UInt8)
}
