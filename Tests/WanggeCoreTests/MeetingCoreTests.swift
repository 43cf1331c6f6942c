import Testing
import WanggeCore

/// ISO weeks, baseline schedules and figure changes (the meeting features' pure parts).
struct MeetingCoreTests {
  @Test func isoWeeksStartOnMondayChinaTime() {
    let w = IsoWeek("2026-W48")!
    #expect(w.start == InstantFormat.parse("2026-11-23T00:00:00+08:00"))
    #expect(w.previous.description == "2026-W47")
    #expect(IsoWeek.containing(InstantFormat.parse("2026-11-22T23:59:59+08:00")!).description == "2026-W47")
    #expect(IsoWeek.containing(InstantFormat.parse("2026-11-23T00:00:00+08:00")!).description == "2026-W48")
    #expect(IsoWeek.containing(InstantFormat.parse("2021-01-03T12:00:00+08:00")!).description == "2020-W53")
    #expect(IsoWeek("2026-W54") == nil && IsoWeek("2026-48") == nil)
  }

  @Test func aScheduleIsDueTheSecondItsTimeIsPassed() {
    let s = BaselineSchedule.standard
    let eight = InstantFormat.parse("2026-11-23T08:00:00+08:00")!
    let before = eight - Span(seconds: 1)
    #expect(s.due(after: before - Span.hours(1), upTo: before).isEmpty)
    #expect(s.due(after: before, upTo: eight) == [eight])
    #expect(s.due(after: eight, upTo: eight + Span(seconds: 1)).isEmpty)
    #expect(s.name(at: eight) == "auto 08:00")
    #expect((try? BaselineSchedule.parse("8:00,25:00").get()) == nil)
  }

  @Test func aChangeIsGoodOrBadByTheFigure() {
    let up = FigureChange(.responseRate, then: 0.794, now: 0.799)
    #expect(up.arrowText == "↑0.5" && up.verdict == .better)
    let overdue = FigureChange(.acknowledgementsOverdue, then: 10, now: 14)
    #expect(overdue.arrowText == "↑4" && overdue.verdict == .worse)
    #expect(FigureChange(.helpOverdue, then: 3, now: 3).arrowText == "±0")
    #expect(FigureChange(.responseRate, then: nil, now: 0.5).arrowText.isEmpty)
  }
}
