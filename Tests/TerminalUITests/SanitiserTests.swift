import Testing

@testable import TerminalUI

/// The one sanitiser: controls, ESC sequences and bidirectional characters come out visibly escaped.
struct SanitiserTests {
  /// Scalars no sanitised text may hold (tab and line feed only where the layout keeps them).
  static func hasRawControl(_ text: String, allowingLayout: Bool = false) -> Bool {
    text.unicodeScalars.contains { s in
      if allowingLayout && (s == "\n" || s == "\t") { return false }
      return Sanitiser.isEscaped(s)
    }
  }

  @Test func escapeSequencesAndBellAreShownEscaped() {
    #expect(Sanitiser.line("\u{1B}]0;x\u{07}") == "\\e]0;x\\x07")
    #expect(Sanitiser.line("\u{1B}[2J民主") == "\\e[2J民主")
    #expect(Sanitiser.line("a\u{00}b\u{7F}c\u{0D}") == "a\\x00b\\x7Fc\\r")
  }

  @Test func c1ControlsAndBidirectionalCharactersAreShownAsCodePoints() {
    #expect(Sanitiser.line("\u{9B}31m") == "<U+009B>31m")
    #expect(Sanitiser.line("abc\u{202E}fed") == "abc<U+202E>fed")
    for v: UInt32 in [
      0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    ] {
      let s = String(Unicode.Scalar(v)!)
      let hex = String(v, radix: 16, uppercase: true)
      #expect(Sanitiser.line("x\(s)y") == "x<U+\(String(repeating: "0", count: 4 - hex.count) + hex)>y")
    }
  }

  @Test func lineEscapesLayoutButBlockKeepsIt() {
    #expect(Sanitiser.line("a\nb\tc") == "a\\nb\\tc")
    #expect(Sanitiser.block("a\nb\tc\u{1B}") == "a\nb\tc\\e")
  }

  @Test func cleanTextIsUnchangedAndSanitisingTwiceChangesNothing() {
    let clean = "蛟河市 ‼ 12号楼3单元 — 96.5% … ─│ 🇨🇳 👨‍👩‍👧 é ❤️ \\e"
    #expect(Sanitiser.line(clean) == clean)
    let once = Sanitiser.line("\u{1B}[2J\u{202E}\u{85}\u{07}")
    #expect(Sanitiser.line(once) == once)
    #expect(!Self.hasRawControl(once))
  }

  @Test func everyEscapedScalarIsCaughtByTheByteScan() {
    // The fast path must never let through what the scalar check escapes.
    for v: UInt32 in Array(0...0x2100) + [0x1F1E8, 0xFEFF] {
      guard let scalar = Unicode.Scalar(v) else { continue }
      let text = "a" + String(scalar) + "b"
      #expect(!Self.hasRawControl(Sanitiser.line(text)), "U+\(String(v, radix: 16))")
      #expect(Sanitiser.isEscaped(scalar) == (Sanitiser.line(text) != text), "U+\(String(v, radix: 16))")
    }
  }

  @Test func jsonKeepsItsMeaningWithBidiAndC1WrittenAsEscapes() {
    #expect(
      Sanitiser.json("{\"name\":\"a\u{202E}b\u{85}\u{7F}\"}") == "{\"name\":\"a\\u202eb\\u0085\\u007f\"}")
    #expect(Sanitiser.json("{\n  \"a\" : 1\n}") == "{\n  \"a\" : 1\n}")
  }
}
