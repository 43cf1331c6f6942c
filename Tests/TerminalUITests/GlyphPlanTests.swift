import Testing

@testable import TerminalUI

/// How clusters reach ncurses: whole when a cell holds them, else pieces or a replacement of the same width.
struct GlyphPlanTests {
  /// glibc's `wcwidth` for the code points used here (regional indicators 1, emoji 2, ❤ 1, joiners 0).
  static func glibc(_ s: Unicode.Scalar) -> Int {
    switch s.value {
    case 0x1F1E6...0x1F1FF: return 1
    case 0x1F300...0x1F6FF, 0x3013, 0x4E00...0x9FFF: return 2
    case 0x200D, 0xFE0F, 0x20E3, 0x0300...0x036F: return 0
    case 0x10FFF0: return -1
    default: return 1
    }
  }

  func pieces(_ s: String) -> [String] {
    GlyphPlan.pieces(s, width: DisplayWidth.of(s), libraryWidth: Self.glibc).map {
      String(String.UnicodeScalarView($0))
    }
  }

  @Test func aFlagGoesAsTwoOneColumnPiecesSentBackToBack() {
    #expect(pieces("🇨🇳") == ["🇨", "🇳"])
  }

  @Test func clustersACellHoldsAreDrawnWhole() {
    #expect(pieces("👨‍👩‍👧") == ["👨‍👩‍👧"])
    #expect(pieces("👍🏽") == ["👍🏽"])
    #expect(pieces("e\u{301}\u{323}") == ["e\u{301}\u{323}"])
    #expect(pieces("中") == ["中"])
  }

  @Test func aNarrowSymbolWidenedByVS16IsDrawnPlainAndPadded() {
    #expect(pieces("❤️") == ["❤", " "])
    #expect(pieces("1️⃣") == ["1\u{20E3}", " "])
  }

  @Test func whatACellCannotHoldBecomesAReplacementOfTheSameWidth() {
    #expect(pieces("👨‍👩‍👧‍👦") == ["〓"])
    #expect(pieces("e\u{301}\u{302}\u{303}\u{304}\u{305}") == ["\u{FFFD}"])
    #expect(GlyphPlan.pieces("a\u{10FFF0}", width: 1, libraryWidth: Self.glibc).count == 1)
  }

  @Test func theLibraryWidthsOfThePiecesAlwaysAddUpToTheCellWidth() {
    for s in ["🇨🇳", "👨‍👩‍👧", "👨‍👩‍👧‍👦", "👍🏽", "❤️", "1️⃣", "é", "e\u{301}\u{302}\u{303}\u{304}\u{305}", "🏳️‍🌈"] {
      let w = DisplayWidth.of(s)
      let plan = GlyphPlan.pieces(s, width: w, libraryWidth: Self.glibc)
      #expect(plan.reduce(0) { $0 + Self.glibc($1[0]) } == w, "\(s)")
      #expect(plan.allSatisfy { $0.count <= GlyphPlan.capacity }, "\(s)")
    }
  }
}
