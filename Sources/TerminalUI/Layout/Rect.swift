/// A rectangle of terminal cells: origin (column `x`, row `y`) and size.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
  public var x: Int
  public var y: Int
  public var width: Int
  public var height: Int

  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = max(0, width)
    self.height = max(0, height)
  }

  /// A rectangle at the origin.
  public init(width: Int, height: Int) { self.init(x: 0, y: 0, width: width, height: height) }

  public var right: Int { x + width }
  public var bottom: Int { y + height }
  public var isEmpty: Bool { width <= 0 || height <= 0 }
  public var area: Int { width * height }
  public var description: String { "\(width)×\(height)+\(x)+\(y)" }

  /// The rectangle shrunk by `margin` on every side.
  public func inset(by margin: Int) -> Rect { inset(horizontal: margin, vertical: margin) }

  /// The rectangle shrunk by separate horizontal and vertical margins.
  public func inset(horizontal: Int, vertical: Int) -> Rect {
    Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
  }

  /// The overlap of two rectangles (empty when they do not meet).
  public func intersection(_ other: Rect) -> Rect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let r = min(right, other.right)
    let b = min(bottom, other.bottom)
    return Rect(x: left, y: top, width: r - left, height: b - top)
  }

  /// Whether the cell at (`column`, `row`) is inside.
  public func contains(column: Int, row: Int) -> Bool {
    column >= x && column < right && row >= y && row < bottom
  }

  /// One row of this rectangle (row index relative to the top).
  public func row(_ index: Int) -> Rect { Rect(x: x, y: y + index, width: width, height: 1) }

  /// A `width`×`height` rectangle centred inside this one (clamped to fit).
  public func centered(width w: Int, height h: Int) -> Rect {
    let cw = min(w, width)
    let ch = min(h, height)
    return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
  }
}

/// A terminal size in columns and rows.
public struct Size: Sendable, Hashable, CustomStringConvertible {
  public var width: Int
  public var height: Int
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }
  /// `W×H`, as shown to people.
  public var description: String { "\(width)×\(height)" }
  /// Whether this size is at least `other` in both directions.
  public func fits(_ other: Size) -> Bool { width >= other.width && height >= other.height }
}
