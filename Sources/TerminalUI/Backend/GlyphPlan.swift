/// How a cell's grapheme is handed to a terminal library whose cells hold one spacing character
/// plus a few zero-width ones (ncurses' `cchar_t`: `CCHARW_MAX` = 5 code points) and which
/// measures a cell by the C library's `wcwidth` of its first code point.
///
/// The pieces go into consecutive library cells; their library widths add up to the grapheme's
/// display width, so the library's idea of the cursor matches the buffer's layout:
/// - a grapheme whose first code point the library measures as we do and that fits one cell is
///   drawn whole (flags excepted, below): base + combining marks, emoji with a skin tone or VS16,
///   ZWJ sequences (👨‍👩‍👧, 5 code points) — the library writes all its code points;
/// - a flag (two regional indicators, 1 column each for `wcwidth`) goes as two 1-column pieces,
///   which the terminal receives back to back and shows as 🇨🇳;
/// - a text-default symbol made wide by VS16 (❤️, keycaps) that the library measures narrower is
///   drawn without the selector and padded with spaces (❤ plus a space);
/// - anything else (longer than a cell holds, unknown to `wcwidth`) becomes a visible replacement
///   of the same width: `〓` for 2 columns, `�` for 1 — never a wrong glyph or a split cluster.
///
/// Single code points are drawn as they are (the library measures them itself).
public enum GlyphPlan {
  /// Code points one library cell holds (ncurses' `CCHARW_MAX`).
  public static let capacity = 5
  /// The replacement for a 2-column grapheme the library cannot hold.
  public static let wideReplacement: Unicode.Scalar = "\u{3013}"
  /// The replacement for a 1-column grapheme the library cannot hold.
  public static let narrowReplacement: Unicode.Scalar = "\u{FFFD}"

  /// The pieces for `symbol` drawn `width` columns wide; `libraryWidth` is the library's width of
  /// one code point (`wcwidth`: -1 when unprintable).
  public static func pieces(
    _ symbol: String, width: Int, capacity: Int = capacity, libraryWidth: (Unicode.Scalar) -> Int
  ) -> [[Unicode.Scalar]] {
    let scalars = Array(symbol.unicodeScalars)
    guard scalars.count > 1, width > 0 else { return scalars.isEmpty ? [[" "]] : [scalars] }
    let first = libraryWidth(scalars[0])
    let isFlag = scalars.count == 2 && scalars.allSatisfy { (0x1F1E6...0x1F1FF).contains($0.value) }
    if first == width && scalars.count <= capacity && !isFlag { return [scalars] }
    // Split at each spacing code point: base + its zero-width followers per piece.
    var split: [[Unicode.Scalar]] = []
    var total = 0
    for scalar in scalars {
      let w = libraryWidth(scalar)
      if w < 0 { return replacement(width, libraryWidth) }
      if w > 0 || split.isEmpty {
        split.append([scalar])
        total += max(w, 0)
      } else {
        split[split.count - 1].append(scalar)
      }
    }
    if total == width && split.allSatisfy({ $0.count <= capacity }) { return split }
    // A narrow base widened by a presentation selector: the base alone, padded.
    if split.count == 1 && first > 0 && first < width {
      let plain = scalars.filter { $0.value != 0xFE0F }
      if plain.count <= capacity {
        return [plain] + Array(repeating: [" "], count: width - first)
      }
    }
    return replacement(width, libraryWidth)
  }

  private static func replacement(_ width: Int, _ libraryWidth: (Unicode.Scalar) -> Int) -> [[Unicode.Scalar]]
  {
    if width == 2 && libraryWidth(wideReplacement) == 2 { return [[wideReplacement]] }
    if width == 1 && libraryWidth(narrowReplacement) == 1 { return [[narrowReplacement]] }
    return Array(repeating: ["?"], count: width)
  }
}
