/// A bar graph several rows tall with its own scale (btop-style): the minimum and maximum labelled on the
/// left, bars in eighths of a cell, a time axis underneath; missing values show as a muted `·`.
public struct BlockGraph: Sendable {
  public var values: [Double?]
  /// Writes a value on the scale, e.g. "78.7%".
  public var format: @Sendable (Double) -> String
  /// Labels under the first, middle and last value, e.g. "昨 21:00", "09:00", "现在".
  public var axis: (first: String, middle: String, last: String)
  public var role: Role
  /// The smallest span the scale covers (a flat series is drawn mid-height, not as a cliff).
  public var minimumRange: Double

  public init(
    values: [Double?], format: @escaping @Sendable (Double) -> String,
    axis: (first: String, middle: String, last: String), minimumRange: Double = 0, role: Role = .accent
  ) {
    self.minimumRange = minimumRange
    self.values = values
    self.format = format
    self.axis = axis
    self.role = role
  }

  /// The scale's bottom and top: the smallest and largest value, widened a little when they are equal.
  public var scale: (low: Double, high: Double)? {
    let known = values.compactMap { $0 }.filter(\.isFinite)
    guard let low = known.min(), let high = known.max() else { return nil }
    let range = max(minimumRange, high - low, 1e-9)
    let middle = (low + high) / 2
    return high - low >= range ? (low, high) : (middle - range / 2, middle + range / 2)
  }

  /// Eighths of a cell a value's bar fills over `rows` rows (at least 1 for any known value).
  public static func eighths(_ value: Double, low: Double, high: Double, rows: Int) -> Int {
    let f = high > low ? min(1, max(0, (value - low) / (high - low))) : 0.5
    return max(1, Int((f * Double(rows * 8)).rounded()))
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard area.height >= 2, area.width >= 8, !values.isEmpty else { return }
    guard let (low, high) = scale else { return }
    let labelWidth = max(DisplayWidth.of(format(high)), DisplayWidth.of(format(low)), 1)
    let rows = area.height - 1
    let plotX = area.x + labelWidth + 1
    let plotWidth = area.width - labelWidth - 1
    guard plotWidth >= 2 else { return }
    let shown = Array(values.suffix(plotWidth))
    let step = max(1, min(3, plotWidth / max(1, shown.count)))
    let startX = plotX + plotWidth - shown.count * step
    do {
      let highText = format(high)
      let lowText = format(low)
      buffer.put(
        highText, in: Rect(x: area.x, y: area.y, width: labelWidth, height: 1), style: Style(.muted),
        alignment: .right)
      if rows > 1 {
        buffer.put(
          lowText, in: Rect(x: area.x, y: area.y + rows - 1, width: labelWidth, height: 1),
          style: Style(.muted),
          alignment: .right)
      }
      for (i, value) in shown.enumerated() {
        for dx in 0..<step {
          let x = startX + i * step + dx
          guard let value, value.isFinite else {
            buffer.put("·", x: x, y: area.y + rows - 1, style: Style(.muted))
            continue
          }
          let total = Self.eighths(value, low: low, high: high, rows: rows)
          for r in 0..<rows {
            let fill = min(8, max(0, total - r * 8))
            guard fill > 0 else { continue }
            let glyph: Character = fill == 8 ? "█" : Sparkline.levels[fill - 1]
            buffer.put(glyph, x: x, y: area.y + rows - 1 - r, style: Style(role))
          }
        }
      }
    }
    for r in 0..<rows { buffer.put("│", x: plotX - 1, y: area.y + r, style: Style(.border)) }
    let axisY = area.y + rows
    let axisRow = Rect(x: startX, y: axisY, width: plotX + plotWidth - startX, height: 1)
    buffer.put("└", x: plotX - 1, y: axisY, style: Style(.border))
    let (fw, mw, lw) = (DisplayWidth.of(axis.first), DisplayWidth.of(axis.middle), DisplayWidth.of(axis.last))
    buffer.put(axis.first, in: axisRow, style: Style(.muted), alignment: .left)
    let middleX = axisRow.x + (axisRow.width - mw) / 2
    if middleX >= axisRow.x + fw + 2, middleX + mw + 2 <= axisRow.right - lw {
      _ = buffer.put(axis.middle, x: middleX, y: axisY, style: Style(.muted))
    }
    if fw + lw + 1 <= axisRow.width {
      buffer.put(axis.last, in: axisRow, style: Style(.muted), alignment: .right)
    }
  }
}
