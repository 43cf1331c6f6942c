import Testing

@testable import TerminalUI

struct TextFitTests {
  @Test func truncatesByWidthWithEllipsis() {
    #expect(TextFit.truncate("水映花城小区", toWidth: 12) == "水映花城小区")
    #expect(TextFit.truncate("水映花城小区", toWidth: 11) == "水映花城小…")
    // 8 columns: three wide characters (6) + … (1) = 7, a fourth would need 9.
    #expect(TextFit.truncate("水映花城小区", toWidth: 8) == "水映花…")
    #expect(TextFit.truncate("Riverside 河畔", toWidth: 11) == "Riverside …")
    #expect(TextFit.truncate("abc", toWidth: 0) == "")
  }

  @Test func neverReturnsMoreColumnsThanAsked() {
    let samples = ["协作路社区 Xiezuo Road", "a中b文c", "😷👨‍👩‍👧e\u{301}", "①②③"]
    for sample in samples {
      for width in 0...20 {
        #expect(DisplayWidth.of(TextFit.truncate(sample, toWidth: width)) <= width)
        #expect(DisplayWidth.of(TextFit.pad(sample, toWidth: width)) == width)
      }
    }
  }

  @Test func truncatesFromTheLeft() {
    #expect(TextFit.truncateLeading("河北街道/水映花城社区", toWidth: 9) == "…花城社区")
  }

  @Test func padsByDisplayWidth() {
    #expect(TextFit.pad("中", toWidth: 5, alignment: .left) == "中   ")
    #expect(TextFit.pad("中", toWidth: 5, alignment: .right) == "   中")
    #expect(TextFit.pad("中", toWidth: 5, alignment: .center) == " 中  ")
  }

  @Test func groupsNumbers() {
    #expect(NumberText.grouped(65196) == "65,196")
    #expect(NumberText.grouped(999) == "999")
    #expect(NumberText.grouped(-1234567) == "-1,234,567")
    #expect(NumberText.percent(0.9927) == "99.3%")
  }
}
