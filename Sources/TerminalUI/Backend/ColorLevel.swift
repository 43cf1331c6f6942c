/// How many colours the terminal can show, and how theme colours are mapped down to that.
public enum ColorLevel: String, Sendable, Hashable {
  /// No colour escape sequences at all (`NO_COLOR`, a `mono` theme, or a terminal without colour).
  case none
  case ansi8
  case ansi16
  case indexed256
  /// 24-bit colour (needs a terminfo entry with the RGB flag, e.g. TERM=xterm-direct).
  case trueColor

  /// Picks the level from the environment and what terminfo reports.
  ///
  /// `NO_COLOR` (set and not empty) or a theme without colours → `.none`. `COLORTERM=truecolor`
  /// or `24bit` gives true colour only when terminfo takes direct colour; otherwise the richest
  /// palette terminfo offers.
  public static func detect(
    environment: [String: String], hasColors: Bool, colors: Int, hasDirectColor: Bool, themeUsesColor: Bool
  ) -> ColorLevel {
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
    guard themeUsesColor, hasColors, colors >= 8 else { return .none }
    let wantsTrueColor = ["truecolor", "24bit"].contains(environment["COLORTERM"]?.lowercased() ?? "")
    if (wantsTrueColor || colors >= 1 << 24) && (hasDirectColor || colors >= 1 << 24) { return .trueColor }
    if colors >= 256 { return .indexed256 }
    if colors >= 16 { return .ansi16 }
    return .ansi8
  }

  /// The ncurses colour number for `color` at this level (-1 = the terminal's default).
  public func colorNumber(_ color: Color?) -> Int32 {
    guard let color else { return -1 }
    switch (self, color) {
    case (.none, _), (_, .terminalDefault):
      return -1
    case (.trueColor, .rgb(let r, let g, let b)):
      return Int32(r) << 16 | Int32(g) << 8 | Int32(b)
    case (.trueColor, .indexed(let i)):
      let (r, g, b) = ColorMath.rgb(ofIndex: Int(i))
      return i < 8 ? Int32(i) : Int32(r) << 16 | Int32(g) << 8 | Int32(b)
    case (.indexed256, .indexed(let i)):
      return Int32(i)
    case (.indexed256, .rgb(let r, let g, let b)):
      return Int32(ColorMath.nearest256(r, g, b))
    case (.ansi16, .indexed(let i)) where i < 16, (.ansi8, .indexed(let i)) where i < 8:
      return Int32(i)
    case (.ansi16, _), (.ansi8, _):
      let (r, g, b) = ColorMath.rgb(of: color) ?? (0, 0, 0)
      return Int32(ColorMath.nearestANSI(r, g, b, count: self == .ansi16 ? 16 : 8))
    }
  }
}
