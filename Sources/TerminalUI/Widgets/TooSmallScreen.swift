/// The screen shown when the terminal is below the minimum size: the size needed and the size there is.
public enum TooSmallScreen {
  /// Whether `size` is below `minimum` in either direction.
  public static func isTooSmall(_ size: Size, minimum: Size) -> Bool { !size.fits(minimum) }

  /// If `buffer` is smaller than `minimum`, fills it with the too-small message and returns true;
  /// otherwise leaves it alone and returns false (draw the real screen then).
  @discardableResult
  public static func renderIfNeeded(minimum: Size, buffer: inout Buffer, language: Language) -> Bool {
    guard isTooSmall(buffer.size, minimum: minimum) else { return false }
    render(need: minimum, have: buffer.size, buffer: &buffer, language: language)
    return true
  }

  /// Fills `buffer` with the message, on one line when it fits, else on up to four centred lines.
  public static func render(need: Size, have: Size, buffer: inout Buffer, language: Language) {
    buffer.clear(buffer.area)
    let area = buffer.area
    guard !area.isEmpty else { return }
    let oneLine = UIText.tooSmall(need: need, have: have, language)
    var lines: [(String, Style)]
    if DisplayWidth.of(oneLine) <= area.width {
      lines = [(oneLine, Style(.warn, attributes: .bold)), (UIText.enlarge(language), Style(.muted))]
    } else {
      lines = [
        (UIText.tooSmallTitle(language), Style(.warn, attributes: .bold)),
        (UIText.need(need, language), Style(.text)),
        (UIText.have(have, language), Style(.bad, attributes: .bold)),
        (UIText.enlarge(language), Style(.muted)),
      ]
    }
    lines = Array(lines.prefix(area.height))
    let top = area.y + max(0, (area.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
      buffer.put(
        line.0, in: Rect(x: area.x, y: top + index, width: area.width, height: 1), style: line.1,
        alignment: .center)
    }
  }
}
