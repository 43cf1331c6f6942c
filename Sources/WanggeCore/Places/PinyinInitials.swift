/// Pinyin initials of place names for search: 河北街道 → `hbjd`, 12号楼 → `12hl`.
///
/// Each CJK ideograph (U+4E00…U+9FFF) becomes the first letter of its most common reading; ASCII
/// letters and digits (and their full-width forms) are kept, lowercased; everything else is dropped.
public enum PinyinInitials {
  /// The initials of `text`, e.g. `initials(of: "水映花城社区") == "syhcsq"`.
  public static func initials(of text: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      if let letter = initial(of: scalar) { out.append(letter) }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The ASCII byte `scalar` contributes to the initials, or nil when it contributes nothing.
  static func initial(of scalar: Unicode.Scalar) -> UInt8? {
    var v = scalar.value
    if v >= 0xFF10 && v <= 0xFF5A { v -= 0xFEE0 }  // full-width ０-９, Ａ-Ｚ, ａ-ｚ
    switch v {
    case 0x30...0x39, 0x61...0x7A: return UInt8(v)
    case 0x41...0x5A: return UInt8(v + 0x20)
    case PinyinInitialsTable.first...PinyinInitialsTable.last:
      let letter = table[Int(v - PinyinInitialsTable.first)]
      return letter == UInt8(ascii: "_") ? nil : letter
    default: return nil
    }
  }

  /// The generated table as bytes, decoded once.
  private static let table: [UInt8] = Array(PinyinInitialsTable.letters.utf8)
}
