import Foundation

/// A horizontal bar for a ratio, with the percentage also written as text (colour is never alone).
public struct Gauge: Sendable {
  /// The filled part, 0…1 (clamped).
  public var ratio: Double
  /// Text before the bar (e.g. a community's name); nil for none.
  public var label: String?
  /// The role of the filled part.
  public var role: Role
  /// Columns given to the label (nil: the label's own width).
  public var labelWidth: Int?

  public init(ratio: Double, label: String? = nil, role: Role = .accent, labelWidth: Int? = nil) {
    self.ratio = ratio.isFinite ? min(1, max(0, ratio)) : 0
    self.label = label
    self.role = role
    self.labelWidth = labelWidth
  }

  /// The percentage text, e.g. " 87.5%".
  public var percentText: String { String(format: "%5.1f%%", ratio * 100) }

  /// Eighth blocks for the partial cell, from 1/8 to 7/8.
  static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The bar alone, `width` columns: full blocks, one partial block, then light shade.
  public func bar(width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.ambiguousIsWide {
      let filled = Int((ratio * Double(width)).rounded())
      return String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    }
    let eighthsTotal = Int((ratio * Double(width) * 8).rounded())
    let full = eighthsTotal / 8
    let partial = eighthsTotal % 8
    var text = String(repeating: "█", count: full)
    if partial > 0 && full < width { text.append(Gauge.eighths[partial - 1]) }
    let used = full + (partial > 0 && full < width ? 1 : 0)
    return text + String(repeating: "░", count: width - used)
  }

  /// Draws `label  bar  percent` on the first row of `area`.
  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    var x = area.x
    var room = area.width
    if let label {
      let w = min(labelWidth ?? DisplayWidth.of(label), room)
      buffer.put(TextFit.pad(label, toWidth: w), x: x, y: area.y, style: Style(.text), limit: w)
      x += w + 1
      room -= w + 1
    }
    let percent = percentText
    let percentWidth = DisplayWidth.of(percent)
    guard room > percentWidth + 1 else {
      buffer.put(percent, in: Rect(x: x, y: area.y, width: max(0, room), height: 1), style: Style(role))
      return
    }
    let barWidth = room - percentWidth - 1
    let bar = bar(width: barWidth)
    let filledColumns = bar.prefix { $0 != "░" && $0 != "-" }.count
    buffer.put(String(bar.prefix(filledColumns)), x: x, y: area.y, style: Style(role), limit: barWidth)
    buffer.put(
      String(bar.dropFirst(filledColumns)), x: x + filledColumns, y: area.y, style: Style(.muted),
      limit: barWidth - filledColumns)
    buffer.put(percent, x: x + barWidth + 1, y: area.y, style: Style(.text), limit: percentWidth)
  }
}
