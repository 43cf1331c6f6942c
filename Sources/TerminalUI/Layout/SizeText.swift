/// Reads a frame size as people type it for `--size`: `120x40`, `120X40` or `120×40`.
extension Size {
  /// The largest frame drawn anywhere (`--size`, the board): larger sizes are refused, not allocated.
  public static let largestFrame = Size(width: 1000, height: 500)

  /// The size in `text` (`WIDTHxHEIGHT`, ASCII digits, from 1×1 up to ``largestFrame``), or nil.
  public init?(parsing text: String) {
    let parts = text.lowercased().split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "x" || $0 == "×" })
    guard parts.count == 2,
      parts.allSatisfy({ p in !p.isEmpty && p.count <= 4 && p.allSatisfy { $0.isASCII && $0.isNumber } }),
      let w = Int(parts[0]), let h = Int(parts[1]),
      (1...Size.largestFrame.width).contains(w), (1...Size.largestFrame.height).contains(h)
    else { return nil }
    self.init(width: w, height: h)
  }
}
