import Testing

@testable import TerminalUI

struct DisplayWidthTests {
  @Test func asciiIsOneColumnEach() {
    #expect(DisplayWidth.of("Wangge 2024") == 11)
  }

  @Test func cjkAndFullWidthAreTwoColumns() {
    #expect(DisplayWidth.of("协作路社区") == 10)
    #expect(DisplayWidth.of("水映花城小区A") == 13)
    #expect(DisplayWidth.of("，。") == 4)  // full-width punctuation
    #expect(DisplayWidth.of("ＡＢ") == 4)  // full-width Latin
    #expect(DisplayWidth.of("한국") == 4)  // Hangul syllables
    #expect(DisplayWidth.of("𠀀") == 2)  // CJK Extension B (plane 2)
  }

  @Test func emojiIncludingZWJAndVariationSelectors() {
    #expect(DisplayWidth.of("😷") == 2)
    #expect(DisplayWidth.of("👨‍👩‍👧") == 2)  // ZWJ family: one grapheme
    #expect(DisplayWidth.of("❤️") == 2)  // text-default heart + VS16
    #expect(DisplayWidth.of("❤") == 1)
    #expect(DisplayWidth.of("🇨🇳") == 2)  // flag: two regional indicators
    #expect(DisplayWidth.of("👍🏽") == 2)  // skin tone modifier
  }

  @Test func combiningMarksAndJoinersAreZero() {
    #expect(DisplayWidth.of("e\u{301}") == 1)
    #expect(DisplayWidth.of(Character("\u{301}")) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)  // ZWJ
    #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)  // zero-width space
    #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // conjoining jamo 각
    #expect(DisplayWidth.of("a\u{0007}b") == 2)  // control characters take no column
  }

  @Test func ambiguousCharactersFollowTheSetting() {
    for text in ["①", "“", "─", "…", "×", "▲"] {
      #expect(DisplayWidth.of(text, ambiguousWide: false) == 1, "\(text) narrow")
      #expect(DisplayWidth.of(text, ambiguousWide: true) == 2, "\(text) wide")
    }
    #expect(DisplayWidth.of("需要 80×24", ambiguousWide: true) == 11)
    #expect(DisplayWidth.of("需要 80×24", ambiguousWide: false) == 10)
  }

  @Test func ambiguousSettingIsUsedByDefault() {
    DisplayWidth.$ambiguousOverride.withValue(true) {
      #expect(DisplayWidth.ambiguousIsWide)
      #expect(DisplayWidth.of("①②") == 4)
      #expect(BorderSet.current.horizontal == "-")
      #expect(TextFit.truncate("水映花城小区", toWidth: 8) == "水映花…")  // … now takes 2 columns
      #expect(TextFit.truncate("水映花城小区", toWidth: 7) == "水映…")
    }
    DisplayWidth.$ambiguousOverride.withValue(false) {
      #expect(DisplayWidth.of("①②") == 2)
      #expect(BorderSet.current.horizontal == "─")
    }
  }

  /// The fast path for ASCII and unified ideographs measures what the cluster-by-cluster sum measures,
  /// and steps aside (nil) for anything else: a combining mark or variation selector after an ideograph,
  /// full-width punctuation, an ambiguous middle dot, a control character.
  @Test func simpleWidthAgreesWithTheClusterSumAndStepsAsideForTheRest() {
    for text in ["", "Wangge 12", "协作路社区3单元", "一龥", "A水映B"] {
      #expect(DisplayWidth.simpleWidth(text) == text.reduce(0) { $0 + DisplayWidth.of($1) }, "\(text)")
    }
    for text in ["汉\u{FE0F}", "汉\u{0301}", "排查，返乡", "超时 · 3", "\t", "e\u{0301}", "𠀀"] {
      #expect(DisplayWidth.simpleWidth(text) == nil, "\(text)")
    }
    #expect(DisplayWidth.of("汉\u{0301}字") == 4)  // the mark joins 汉's cluster: still 2 + 2
  }
}
