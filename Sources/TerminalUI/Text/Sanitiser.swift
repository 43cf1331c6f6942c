/// The one sanitiser for text that reaches a terminal: the board's buffer, `snapshot`, and every
/// line the `wangge` executable prints to standard output or standard error.
///
/// Characters a terminal would act on, or that reorder what is shown, are replaced by a visible
/// escape; nothing else changes (CJK, emoji, combining marks and ZWJ sequences pass untouched):
///
/// | character | shown as |
/// |---|---|
/// | ESC (U+001B) | `\e` |
/// | line feed, carriage return, tab | `\n`, `\r`, `\t` (``block(_:)`` keeps line feeds and tabs) |
/// | other C0 controls (U+0000–001F), DEL (U+007F) | `\xHH`, e.g. BEL → `\x07` |
/// | C1 controls (U+0080–009F) | `<U+HHHH>`, e.g. CSI → `<U+009B>` |
/// | bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F, U+202A–202E, U+2066–2069) | `<U+HHHH>`, e.g. `<U+202E>` |
/// | line and paragraph separators (U+2028, U+2029) | `<U+2028>`, `<U+2029>` |
///
/// The escapes are printable ASCII, so sanitising twice changes nothing more. A backslash in the
/// input is kept as it is: a name that literally reads `\e` looks like an escaped ESC, which is
/// harmless, since no raw control character can come out.
public enum Sanitiser {
  /// `text` for one field or one line: every character in the table escaped, line feeds and tabs too.
  public static func line(_ text: String) -> String {
    needsEscaping(text, keepingLayout: false) ? escape(text, keepingLayout: false) : text
  }

  /// `text` for a block of output (a report, a help text): like ``line(_:)``, but line feeds and
  /// tabs are kept, so lines and tab-separated columns stay as the program laid them out.
  public static func block(_ text: String) -> String {
    needsEscaping(text, keepingLayout: true) ? escape(text, keepingLayout: true) : text
  }

  /// JSON text made safe for a terminal, still valid JSON meaning the same: DEL, C1 controls,
  /// bidirectional marks and line/paragraph separators become `\u007f`, `\u202e`, … (these can only
  /// stand inside JSON strings, where `\uXXXX` means the same character). C0 controls must already be
  /// escaped, as every JSON encoder does.
  public static func json(_ text: String) -> String {
    guard needsEscaping(text, keepingLayout: true) else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar.value >= 0x20 && isEscaped(scalar) {
        out.append(contentsOf: "\\u\(hex(scalar.value, digits: 4, lowercase: true))".unicodeScalars)
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }

  /// Whether `scalar` is one of the characters shown escaped.
  public static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// The visible form of one escaped scalar (`\e`, `\x07`, `<U+202E>`); nil if it is shown as it is.
  public static func escaped(_ scalar: Unicode.Scalar) -> String? {
    guard isEscaped(scalar) else { return nil }
    switch scalar.value {
    case 0x1B: return "\\e"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x09: return "\\t"
    case 0x00...0x1F, 0x7F: return "\\x" + hex(scalar.value, digits: 2, lowercase: false)
    default: return "<U+" + hex(scalar.value, digits: 4, lowercase: false) + ">"
    }
  }

  private static func escape(_ text: String, keepingLayout: Bool) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 8)
    var run = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if keepingLayout && (scalar == "\n" || scalar == "\t") {
        run.append(scalar)
      } else if let visible = escaped(scalar) {
        out += String(run)
        run = String.UnicodeScalarView()
        out += visible
      } else {
        run.append(scalar)
      }
    }
    return out + String(run)
  }

  /// A byte scan for the escaped characters (the common clean case costs one pass, no allocation).
  private static func needsEscaping(_ text: String, keepingLayout: Bool) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      let n = bytes.count
      var i = 0
      while i < n {
        let b = bytes[i]
        if b < 0x20 {
          if !(keepingLayout && (b == 0x0A || b == 0x09)) { return true }
        } else if b == 0x7F {
          return true
        } else if b == 0xC2 {  // U+0080–00BF: C1 controls are C2 80 … C2 9F
          if i + 1 < n && bytes[i + 1] <= 0x9F { return true }
        } else if b == 0xD8 {  // U+061C = D8 9C
          if i + 1 < n && bytes[i + 1] == 0x9C { return true }
        } else if b == 0xE2 && i + 2 < n {  // U+2000–207F = E2 80 xx, E2 81 xx
          let b1 = bytes[i + 1]
          let b2 = bytes[i + 2]
          if b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (0xA8...0xAE).contains(b2)) { return true }
          if b1 == 0x81 && (0xA6...0xA9).contains(b2) { return true }
        }
        i += 1
      }
      return false
    }
  }

  private static func hex(_ value: UInt32, digits: Int, lowercase: Bool) -> String {
    let s = String(value, radix: 16, uppercase: !lowercase)
    return String(repeating: "0", count: max(0, digits - s.count)) + s
  }
}
