/// Reads a frame size as people type it for `--size`: `120x40`, `120X40` or `120×40`.
extension Size {
  /// The size in `text` (`WIDTHxHEIGHT`, both positive), or nil when it is not one.
  public init?(parsing text: String) {
    let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
    guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w > 0, h > 0 else { return nil }
    self.init(width: w, height: h)
  }
}
