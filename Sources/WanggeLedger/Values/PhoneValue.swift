/// A phone number read from a ledger: an 11-digit mobile (`13812345678`) or a landline with its area
/// code (`0432-64201234`, 10–12 digits) or without it (7–8 digits). Spaces, `-`, `+86` and brackets
/// are allowed on input; the value is written back as `13812345678` or `0432-64201234`.
public enum PhoneValue {
  /// The normalised number, or the problem and its fix.
  public static func parse(_ raw: String) -> Result<String, CellProblem> {
    if isPlainMobile(raw) { return .success(raw) }
    var text = FastText.trimmed(raw)
    let fix = "write an 11-digit mobile such as 13812345678 or a landline such as 0432-64201234"
    if text.isEmpty { return .failure(CellProblem("empty", fix)) }
    if text.hasPrefix("+86") { text.removeFirst(3) }
    var digits = ""
    for ch in text {
      if ch.isASCII, ch.isNumber {
        digits.append(ch)
      } else if !" -()（）.".contains(ch) {
        return .failure(CellProblem("\(quote(raw)) is not a phone number", fix))
      }
    }
    if digits.count == 13, digits.hasPrefix("86"), digits.dropFirst(2).first == "1" { digits.removeFirst(2) }
    let first = digits.first
    if digits.count == 11, first == "1" {
      let second = digits.dropFirst().first!
      guard "3456789".contains(second) else {
        return .failure(CellProblem("\(digits) is not a mobile number (the second digit is 3–9)", fix))
      }
      return .success(digits)
    }
    if first == "0", (10...12).contains(digits.count) {
      let area = digits.hasPrefix("01") || digits.hasPrefix("02") ? 3 : 4
      return .success(String(digits.prefix(area)) + "-" + String(digits.dropFirst(area)))
    }
    if (7...8).contains(digits.count), first != "0", first != "1" { return .success(digits) }
    if (9...11).contains(digits.count), first != "0", first != "1" {
      return .failure(
        CellProblem(
          "\(digits) is not a phone number (a landline whose leading 0 was lost?)",
          "store the column as text and write the area code with its 0, such as 0432-64201234"))
    }
    return .failure(CellProblem("\(quote(raw)) has \(digits.count) digits, not a phone number", fix))
  }
}

extension PhoneValue {
  /// True for exactly 11 ASCII digits `1[3-9]…`: the common case, checked on bytes.
  static func isPlainMobile(_ s: String) -> Bool {
    var i = 0
    for b in s.utf8 {
      guard (48...57).contains(b), i < 11 else { return false }
      if i == 0, b != 49 { return false }
      if i == 1, b < 51 { return false }
      i += 1
    }
    return i == 11
  }
}

/// What is wrong with one cell and how to fix it.
public struct CellProblem: Error, Hashable, Sendable {
  public var problem: String
  public var fix: String
  public init(_ problem: String, _ fix: String) {
    self.problem = problem
    self.fix = fix
  }
}

/// `"text"` shortened to 40 characters with control characters shown as `?`, for messages.
func quote(_ text: String) -> String {
  let shown = String(
    text.prefix(40).unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) })
  return "\"" + shown + (text.count > 40 ? "…" : "") + "\""
}
