import Foundation

/// Cheap checks on cell text for the hot path (10 M rows): most cells need no trimming and are short.
enum FastText {
  /// `s` without surrounding blanks (spaces, tabs, U+3000); returns `s` itself when there are none.
  static func trimmed(_ s: String) -> String {
    guard let firstByte = s.utf8.first, let lastByte = s.utf8.last else { return s }
    // Blanks begin with 0x20, 0x09 or a lead byte ≥ 0xC2 and end with 0x20, 0x09, 0x80–0x8B, 0x9F,
    // 0xA0, 0xAF or 0xBF: anything else needs no look at the scalars.
    let firstMaybe =
      firstByte == 0x20 || firstByte == 0x09 || (firstByte >= 0xC2 && isBlank(s.unicodeScalars.first!))
    let lastMaybe =
      lastByte == 0x20 || lastByte == 0x09
      || ((0x80...0x8B).contains(lastByte) || [0x9F, 0xA0, 0xAF, 0xBF].contains(lastByte))
        && isBlank(s.unicodeScalars.last!)
    if !firstMaybe && !lastMaybe { return s }
    return s.trimmingCharacters(in: .whitespaces)
  }

  /// True when `a` and `b` hold the same UTF-8 bytes (no Unicode normalisation: for caches).
  static func sameBytes(_ a: [String], _ b: [String]) -> Bool {
    guard a.count == b.count else { return false }
    for i in a.indices where !sameBytes(a[i], b[i]) { return false }
    return true
  }

  /// True when `a` and `b` hold the same UTF-8 bytes (a memcmp on native strings).
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    let fast = a.utf8.withContiguousStorageIfAvailable { pa in
      b.utf8.withContiguousStorageIfAvailable { pb in
        pa.count == 0 || memcmp(pa.baseAddress!, pb.baseAddress!, pa.count) == 0
      }
    }
    return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
  }

  static func isBlank(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF: true
    default: false
    }
  }

  /// The first forbidden thing in `s`: a control character (C0 but tab, DEL, C1), a line break unless
  /// allowed, or U+FFFD (bytes that were not text). Scans UTF-8 bytes.
  static func forbidden(_ s: String, lineBreaks: Bool) -> Forbidden? {
    var previous: UInt8 = 0
    var beforePrevious: UInt8 = 0
    for b in s.utf8 {
      if b < 0x20 {
        if b == 0x0A || b == 0x0D {
          if !lineBreaks { return .lineBreak }
        } else if b != 0x09 {
          return .control
        }
      } else if b == 0x7F {
        return .control
      } else if previous == 0xC2, (0x80...0x9F).contains(b) {
        return .control
      } else if beforePrevious == 0xEF, previous == 0xBF, b == 0xBD {
        return .notText
      }
      beforePrevious = previous
      previous = b
    }
    return nil
  }

  enum Forbidden { case control, lineBreak, notText }
}
