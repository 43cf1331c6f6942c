/// A one-row chart of recent values drawn with ▁▂▃▄▅▆▇█ (the newest value on the right).
public struct Sparkline: Sendable {
  public var values: [Double]
  /// The value drawn as a full block (nil: the largest value).
  public var maximum: Double?
  public var role: Role

  public static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  public init(values: [Double], maximum: Double? = nil, role: Role = .accent) {
    self.values = values
    self.maximum = maximum
    self.role = role
  }

  /// The bars for the last values that fit in `width` columns.
  public func bars(width: Int) -> String {
    guard width > 0, !values.isEmpty else { return "" }
    let barWidth = DisplayWidth.of(Sparkline.levels[0])
    let shown = values.suffix(max(1, width / max(1, barWidth)))
    let top = maximum ?? (shown.max() ?? 1)
    return String(
      shown.map { value -> Character in
        guard top > 0, value.isFinite else { return Sparkline.levels[0] }
        let level = Int((min(1, max(0, value / top)) * 7).rounded())
        return Sparkline.levels[level]
      })
  }

  /// Draws the bars, right-aligned, on the first row of `area`.
  public func render(in area: Rect, buffer: inout Buffer) {
    buffer.put(bars(width: area.width), in: area.row(0), style: Style(role), alignment: .right)
  }
}
