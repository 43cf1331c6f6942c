import Foundation

/// Colour arithmetic: RGB of indexed colours, nearest palette index, WCAG contrast ratio.
public enum ColorMath {
  /// The xterm default RGB values of the 16 ANSI colours.
  public static let ansi16: [(UInt8, UInt8, UInt8)] = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
    (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
    (255, 0, 255), (0, 255, 255), (255, 255, 255),
  ]

  private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

  /// The RGB value of a colour (nil for the terminal's default, whose value is unknown).
  public static func rgb(of color: Color) -> (UInt8, UInt8, UInt8)? {
    switch color {
    case .terminalDefault: return nil
    case .rgb(let r, let g, let b): return (r, g, b)
    case .indexed(let index): return rgb(ofIndex: Int(index))
    }
  }

  /// The RGB value of xterm's 256-colour index.
  public static func rgb(ofIndex index: Int) -> (UInt8, UInt8, UInt8) {
    if index < 16 { return ansi16[index] }
    if index < 232 {
      let i = index - 16
      return (UInt8(cubeLevels[i / 36]), UInt8(cubeLevels[(i / 6) % 6]), UInt8(cubeLevels[i % 6]))
    }
    let level = UInt8(8 + (index - 232) * 10)
    return (level, level, level)
  }

  /// The nearest of the 256 xterm colours (searching the cube and grey ramp, not the ANSI 16).
  public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
    var best = 16
    var bestDistance = Int.max
    for index in 16..<256 {
      let d = distance(rgb(ofIndex: index), (r, g, b))
      if d < bestDistance {
        bestDistance = d
        best = index
      }
    }
    return UInt8(best)
  }

  /// The nearest of the first `count` ANSI colours (8 or 16).
  public static func nearestANSI(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int = 16) -> UInt8 {
    var best = 0
    var bestDistance = Int.max
    for index in 0..<min(count, 16) {
      let d = distance(ansi16[index], (r, g, b))
      if d < bestDistance {
        bestDistance = d
        best = index
      }
    }
    return UInt8(best)
  }

  /// Squared distance, weighted roughly by how the eye sees red, green and blue.
  private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
    let dr = Int(a.0) - Int(b.0)
    let dg = Int(a.1) - Int(b.1)
    let db = Int(a.2) - Int(b.2)
    return 3 * dr * dr + 4 * dg * dg + 2 * db * db
  }

  /// WCAG 2 relative luminance of an sRGB colour.
  public static func luminance(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Double {
    func channel(_ v: UInt8) -> Double {
      let c = Double(v) / 255
      return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
  }

  /// WCAG 2 contrast ratio of two colours (1…21); nil when either is the terminal default.
  public static func contrast(_ a: Color, _ b: Color) -> Double? {
    guard let x = rgb(of: a), let y = rgb(of: b) else { return nil }
    let l1 = luminance(x.0, x.1, x.2)
    let l2 = luminance(y.0, y.1, y.2)
    return (max(l1, l2) + 0.05) / (min(l1, l2) + 0.05)
  }
}
