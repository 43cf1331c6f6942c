/// Finds the few shapes the TOML reader (toml++) cannot be given — they trip an assertion in it (an
/// abort in debug builds, undefined behaviour in release) — so such a file is refused first, with its
/// line: a `[section]` name starting with neither a bare-key character nor a quote (`[=]`, `[é]`,
/// `[ #]`, a lone `[`), and a `}` where an array expects a value (`[}`, `[1, }`). Neither is valid
/// TOML, so no readable file is refused. Found by the theme fuzzer (`scripts/fuzz theme`).
enum ThemeSyntaxCheck {
  /// The first such shape as a problem naming its line, or nil.
  static func problem(in text: String, file: String) -> ThemeProblem? {
    func problem(_ line: Int, _ what: String) -> ThemeProblem {
      ThemeProblem(file: file, line: line, key: "syntax", problem: what)
    }
    let b = Array(text.utf8)
    var i = b.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0  // a BOM
    var line = 1
    var depth = 0  // brackets and braces open in a value
    var lineStart = true
    var last: UInt8 = 0  // the last byte that is not space, newline or comment
    func at(_ k: Int) -> UInt8 { k < b.count ? b[k] : 0 }
    while i < b.count {
      let c = b[i]
      if c == 10 {
        line += 1
        lineStart = true
        i += 1
        continue
      }
      if c == 32 || c == 9 || c == 13 {
        i += 1
        continue
      }
      if lineStart, depth == 0, c == UInt8(ascii: "[") {  // a section header
        var k = i + 1
        if at(k) == UInt8(ascii: "[") { k += 1 }
        while at(k) == 32 || at(k) == 9 { k += 1 }
        guard isKeyStart(at(k)) else {
          return problem(line, "a section name must start with a letter, digit, - or _ (e.g. [text])")
        }
        while k < b.count, b[k] != 10 { k += 1 }
        i = k
        last = 0
        continue
      }
      lineStart = false
      switch c {
      case UInt8(ascii: "#"):
        while i < b.count, b[i] != 10 { i += 1 }
        continue
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        let triple = at(i + 1) == c && at(i + 2) == c
        i += triple ? 3 : 1
        while i < b.count {
          if b[i] == 10 {
            guard triple else { break }  // an unterminated string: toml++ reports it
            line += 1
          }
          if c == UInt8(ascii: "\""), b[i] == UInt8(ascii: "\\") {
            i += 2
            continue
          }
          if b[i] == c, !triple || (at(i + 1) == c && at(i + 2) == c) {
            i += triple ? 3 : 1
            while triple, at(i) == c { i += 1 }  // """"" ends with quotes inside
            break
          }
          i += 1
        }
        last = c
        continue
      case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
      case UInt8(ascii: "]"), UInt8(ascii: "}"):
        if c == UInt8(ascii: "}"), last == UInt8(ascii: "[") || (last == UInt8(ascii: ",") && depth > 0) {
          return problem(line, "\"}\" where a value belongs; close an array with \"]\"")
        }
        depth = max(0, depth - 1)
      default: break
      }
      last = c
      i += 1
    }
    return nil
  }

  /// A bare-key character (`A-Z a-z 0-9 - _`), a quote, or the `]` toml++ reports by itself.
  static func isKeyStart(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "\""),
      UInt8(ascii: "'"), UInt8(ascii: "]"):
      true
    default: false
    }
  }
}
