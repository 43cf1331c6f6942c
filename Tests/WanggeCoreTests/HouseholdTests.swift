import Testing
import WanggeCore

/// Help-case visit cadence, phone masking and paths.
struct HouseholdTests {
  let opened = Instant(epochSeconds: 1_000_000)

  @Test func visitIsOverdueOneSecondAfterTheCadence() {
    var c = HelpCase(
      householdID: 1, mode: .homeVisit, helperName: "王芳", cadence: .days(2), lastVisit: nil, openedAt: opened,
      greenChannel: false, needs: "买药")
    #expect(!c.isOverdue(at: opened + .days(2)))
    #expect(c.isOverdue(at: opened + .days(2) + Span(seconds: 1)))
    c.lastVisit = opened + .days(1)
    #expect(c.dueAt == opened + .days(3))
    #expect(c.overdueBy(at: opened + .days(4)) == .days(1))
    #expect(c.overdueBy(at: opened + .days(2)) == Span(seconds: 0))
  }

  @Test func phonesAreMasked() {
    #expect(PhoneMask.mask("13812345678") == "138****5678")
    #expect(PhoneMask.mask("123") == "***")
  }

  @Test func pathsSplitOnBothSlashes() {
    let p = PlacePath(parsing: " 河北街道/水映花城社区／水映花城小区//12号楼/ ")
    #expect(p.segments == ["河北街道", "水映花城社区", "水映花城小区", "12号楼"])
    #expect(p.description == "河北街道/水映花城社区/水映花城小区/12号楼")
    #expect(PlacePath(parsing: "/").isRoot)
  }

  @Test func levelChainNamesTheUnitLevelLast() {
    #expect(LevelChain.jiaohe.unitDepth == 6)
    #expect(LevelChain.jiaohe.name(at: 6) == "单元")
    #expect(LevelChain.jiaohe.name(at: 9) == "?")
  }
}
