/// The states the board shows in colour; each also has a glyph and a word, so colour is never alone.
public enum StatusKind: String, Sendable, CaseIterable {
  case onTime, late, overdue, pending, done, critical

  /// ✓ on time, ! late, ✗ overdue, … pending, ✔ done, ‼ critical.
  public var glyph: String {
    switch self {
    case .onTime: return "✓"
    case .late: return "!"
    case .overdue: return "✗"
    case .pending: return "…"
    case .done: return "✔"
    case .critical: return "‼"
    }
  }

  /// The colour role of this state.
  public var role: Role {
    switch self {
    case .onTime, .done: return .good
    case .late: return .warn
    case .overdue: return .bad
    case .pending: return .muted
    case .critical: return .critical
    }
  }

  /// The style to draw this state with (bold for the states that need action; critical is a
  /// filled badge, since the `critical` role has its own background).
  public var style: Style {
    switch self {
    case .critical: return Style.filled(role, attributes: .bold)
    case .overdue: return Style(role, attributes: .bold)
    default: return Style(role)
    }
  }

  /// Glyph and word, e.g. "✗ 超时" / "✗ overdue".
  public func label(_ language: Language) -> String { "\(glyph) \(UIText.status(self, language))" }
}
