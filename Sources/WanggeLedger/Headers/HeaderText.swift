/// Normalises a header as spreadsheets write it so that variants meet: full-width letters and digits
/// become half-width, every space (half-width, full-width U+3000, no-break) goes, a trailing note in
/// brackets such as `（户）` or `(选填)` and required marks `*` go, English is lower-cased and `_`/`-`
/// dropped: `户主 （户）` → `户主`, `Head_Name` → `headname`.
enum HeaderText {
  static func normalise(_ raw: String) -> String {
    var scalars = String.UnicodeScalarView()
    for u in raw.unicodeScalars {
      var v = u.value
      if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }  // full-width ASCII
      guard let s = Unicode.Scalar(v) else { continue }
      if s.properties.isWhitespace || v == 0xFEFF || v == 0x200B || v < 0x20 { continue }
      if v == 0x2A || v == 0x5F || v == 0x2D { continue }  // * _ -
      scalars.append(s)
    }
    var text = String(scalars).lowercased()
    // Drop trailing bracketed notes, repeatedly: 户主(户)(必填) → 户主.
    while let last = text.last, last == ")" || last == "）" || last == "]" || last == "】",
      let open = text.lastIndex(where: { $0 == "(" || $0 == "（" || $0 == "[" || $0 == "【" }),
      open != text.startIndex
    {
      text = String(text[..<open])
    }
    return text
  }
}
