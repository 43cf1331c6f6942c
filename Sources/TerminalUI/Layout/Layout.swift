/// A size rule for one segment of a layout split.
public enum Constraint: Sendable, Hashable {
  /// Exactly this many cells (shrunk only when nothing else is left).
  case length(Int)
  /// This percentage of the whole (rounded down).
  case percentage(Int)
  /// At least this many cells; grows like `fill(1)` when there are no fills.
  case min(Int)
  /// A share of what is left, by weight.
  case fill(Int)
}

/// The direction in which a rectangle is split.
public enum Direction: Sendable {
  case horizontal, vertical
}

/// Constraint-based splitting of a rectangle into rows or columns.
public enum Layout {
  /// Splits `area` along `direction` into one rectangle per constraint, with `spacing` cells between.
  public static func split(
    _ area: Rect, _ direction: Direction, _ constraints: [Constraint], spacing: Int = 0
  ) -> [Rect] {
    let total = direction == .horizontal ? area.width : area.height
    let sizes = lengths(total: total, constraints: constraints, spacing: spacing)
    var rects: [Rect] = []
    var offset = 0
    for size in sizes {
      switch direction {
      case .horizontal:
        rects.append(Rect(x: area.x + offset, y: area.y, width: size, height: area.height))
      case .vertical:
        rects.append(Rect(x: area.x, y: area.y + offset, width: area.width, height: size))
      }
      offset += size + spacing
    }
    return rects
  }

  /// The segment lengths for `total` cells: fixed parts first, then fills share the rest.
  public static func lengths(total: Int, constraints: [Constraint], spacing: Int = 0) -> [Int] {
    guard !constraints.isEmpty else { return [] }
    let available = Swift.max(0, total - spacing * (constraints.count - 1))
    var sizes = constraints.map { constraint -> Int in
      switch constraint {
      case .length(let n): return Swift.max(0, n)
      case .percentage(let p): return Swift.max(0, available * p / 100)
      case .min(let n): return Swift.max(0, n)
      case .fill: return 0
      }
    }
    var remaining = available - sizes.reduce(0, +)
    if remaining > 0 {
      let fills = constraints.enumerated().compactMap { item -> (Int, Int)? in
        if case .fill(let w) = item.element { return (item.offset, Swift.max(1, w)) }
        return nil
      }
      let growers =
        fills.isEmpty
        ? constraints.enumerated().compactMap { item -> (Int, Int)? in
          if case .min = item.element { return (item.offset, 1) }
          return nil
        } : fills
      if !growers.isEmpty {
        let weightSum = growers.reduce(0) { $0 + $1.1 }
        var given = 0
        for (position, (index, weight)) in growers.enumerated() {
          let share =
            position == growers.count - 1 ? remaining - given : remaining * weight / weightSum
          sizes[index] += share
          given += share
        }
        remaining = 0
      }
    }
    // Too little room: take it back from the last segments first.
    var index = sizes.count - 1
    while remaining < 0 && index >= 0 {
      let take = Swift.min(sizes[index], -remaining)
      sizes[index] -= take
      remaining += take
      index -= 1
    }
    return sizes
  }
}
