/// One terminal cell: a grapheme with its colours and attributes.
///
/// A wide (2-column) grapheme sits in its left cell; the right cell is a continuation cell
/// with an empty symbol that is never drawn on its own.
public struct Cell: Sendable, Hashable {
  /// The grapheme drawn here ("" in a continuation cell).
  public var symbol: String
  public var fg: Paint
  public var bg: Paint
  public var attributes: Attributes
  /// Whether this is the right half of a wide grapheme.
  public var isContinuation: Bool

  public init(
    _ symbol: String = " ", fg: Paint = .role(.text), bg: Paint = .role(.background),
    attributes: Attributes = [], isContinuation: Bool = false
  ) {
    self.symbol = symbol
    self.fg = fg
    self.bg = bg
    self.attributes = attributes
    self.isContinuation = isContinuation
  }

  /// An empty cell with the default roles.
  public static let blank = Cell()

  /// Applies a style patch.
  public mutating func apply(_ style: Style) {
    if let fg = style.fg { self.fg = fg }
    if let bg = style.bg { self.bg = bg }
    attributes.formUnion(style.attributes)
  }
}
