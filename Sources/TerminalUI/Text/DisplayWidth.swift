import Synchronization

/// Terminal display width of characters and strings, from our own East Asian Width table.
///
/// Wide (CJK, Hangul, full-width forms, emoji) = 2 columns, combining marks and joiners = 0,
/// East Asian Ambiguous (①, “”, ─, …, ×) = 1, or 2 when ``ambiguousIsWide`` is on.
public enum DisplayWidth {
  private static let ambiguousWideFlag = Atomic<Bool>(false)

  /// Whether East Asian Ambiguous characters are measured 2 columns wide (`--ambiguous-wide`).
  /// A task-local ``ambiguousOverride`` (used by tests) takes precedence over the global setting.
  public static var ambiguousIsWide: Bool {
    get { ambiguousOverride ?? ambiguousWideFlag.load(ordering: .relaxed) }
    set { ambiguousWideFlag.store(newValue, ordering: .relaxed) }
  }

  /// Overrides the ambiguous-width setting for one task (`DisplayWidth.$ambiguousOverride.withValue(true) { … }`).
  @TaskLocal public static var ambiguousOverride: Bool?

  /// Width of one Unicode scalar: 0, 1 or 2 columns (control characters count 0).
  public static func of(_ scalar: Unicode.Scalar, ambiguousWide: Bool? = nil) -> Int {
    let v = scalar.value
    if v < 0x7F { return v < 0x20 ? 0 : 1 }
    if v < 0xA0 { return 0 }
    if isUnifiedIdeograph(v) { return 2 }
    if contains(EastAsianWidthTable.zero, v) { return 0 }
    if contains(EastAsianWidthTable.wide, v) { return 2 }
    if contains(EastAsianWidthTable.ambiguous, v) { return (ambiguousWide ?? ambiguousIsWide) ? 2 : 1 }
    return 1
  }

  /// Width of one grapheme cluster (user-perceived character): 0, 1 or 2 columns.
  ///
  /// The first scalar with a width decides; emoji ZWJ sequences take the width of their first
  /// emoji, a variation selector 16 (U+FE0F) makes a text-default symbol 2 wide, a pair of
  /// regional indicators (a flag) is 2 wide.
  public static func of(_ character: Character, ambiguousWide: Bool? = nil) -> Int {
    let scalars = character.unicodeScalars
    if let first = scalars.first, scalars.count == 1 {
      return of(first, ambiguousWide: ambiguousWide)
    }
    var width = 0
    var hasEmojiPresentation = false
    var regionalIndicators = 0
    for scalar in scalars {
      if scalar.value == 0xFE0F { hasEmojiPresentation = true }
      if (0x1F1E6...0x1F1FF).contains(scalar.value) { regionalIndicators += 1 }
      if width == 0 { width = of(scalar, ambiguousWide: ambiguousWide) }
    }
    if regionalIndicators >= 2 { return 2 }
    if hasEmojiPresentation && width == 1 { return 2 }
    return width
  }

  /// Width of a string: the sum of its grapheme clusters' widths.
  public static func of(_ string: some StringProtocol, ambiguousWide: Bool? = nil) -> Int {
    if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return string.utf8.count }
    return simpleWidth(string) ?? string.reduce(0) { $0 + of($1, ambiguousWide: ambiguousWide) }
  }

  /// The width of a string made only of printable ASCII and CJK unified ideographs (each scalar its own
  /// grapheme cluster, 1 or 2 columns: most of the board's text), without splitting it into clusters;
  /// nil when it holds anything else.
  public static func simpleWidth(_ string: some StringProtocol) -> Int? {
    var width = 0
    for scalar in string.unicodeScalars {
      let v = scalar.value
      if v >= 0x20 && v < 0x7F {
        width += 1
      } else if isUnifiedIdeograph(v) {
        width += 2
      } else {
        return nil
      }
    }
    return width
  }

  /// CJK Unified Ideographs (U+4E00–U+9FFF): all East Asian Wide, none combining.
  @inline(__always) private static func isUnifiedIdeograph(_ v: UInt32) -> Bool {
    v >= 0x4E00 && v <= 0x9FFF
  }

  private static func contains(_ table: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
    var low = 0
    var high = table.count - 1
    while low <= high {
      let mid = (low + high) / 2
      let range = table[mid]
      if value < range.lowerBound {
        high = mid - 1
      } else if value > range.upperBound {
        low = mid + 1
      } else {
        return true
      }
    }
    return false
  }
}
