/// A place path such as 河北街道 / 水映花城社区 / 12号楼, cut from the left with … when too long.
public struct Breadcrumbs: Sendable {
  public var segments: [String]
  public var separator: String

  public init(_ segments: [String], separator: String = " › ") {
    self.segments = segments
    self.separator = separator
  }

  /// The segments that fit in `width` columns; leading ones are replaced by "…".
  public func fitted(width: Int) -> [String] {
    guard !segments.isEmpty, width > 0 else { return [] }
    let sepWidth = DisplayWidth.of(separator)
    var kept: [String] = []
    var used = 0
    for (position, segment) in segments.reversed().enumerated() {
      let w = DisplayWidth.of(segment) + (kept.isEmpty ? 0 : sepWidth)
      let remainingBefore = segments.count - position - 1
      let reserve = remainingBefore > 0 ? DisplayWidth.of(TextFit.ellipsis) + sepWidth : 0
      if used + w + reserve > width {
        if kept.isEmpty {
          return [TextFit.truncateLeading(segment, toWidth: width)]
        }
        return [String(TextFit.ellipsis)] + kept.reversed()
      }
      kept.append(segment)
      used += w
    }
    return kept.reversed()
  }

  /// Draws the path on the first row of `area`: separators muted, the last segment emphasised.
  public func render(in area: Rect, buffer: inout Buffer) {
    let parts = fitted(width: area.width)
    var x = area.x
    for (index, part) in parts.enumerated() {
      if index > 0 {
        x += buffer.put(separator, x: x, y: area.y, style: Style(.muted), limit: area.right - x)
      }
      let isLast = index == parts.count - 1
      let style = isLast ? Style(.accent, attributes: .bold) : (part == "…" ? Style(.muted) : Style(.text))
      x += buffer.put(part, x: x, y: area.y, style: style, limit: area.right - x)
    }
  }
}
