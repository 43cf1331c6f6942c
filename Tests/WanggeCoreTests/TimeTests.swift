import Testing
import WanggeCore

/// Spans as people write them (a bare number is refused: it could mean seconds or minutes), and ISO 8601 instants in China Standard Time.
struct TimeTests {
  @Test(arguments: [
    ("3h", Int64(10_800)), ("15h", 54_000), ("90m", 5_400), ("1h30m", 5_400), ("2d", 172_800), ("45s", 45),
    (" 2H ", 7_200), ("3小时", 10_800), ("1d12h", 129_600),
  ])
  func spansParse(text: String, seconds: Int64) {
    #expect(Span(parsing: text)?.seconds == seconds)
  }

  @Test(arguments: ["", "h", "3x", "-3h", "3h-", "1.5h", "3hh", "99999999999999999999d", "120", "0m"])
  func badSpansAreRejected(text: String) {
    #expect(Span(parsing: text) == nil)
  }

  @Test func spansPrintCompactly() {
    #expect(Span.hours(3).description == "3h")
    #expect(Span(seconds: 5_430).description == "1h30m30s")
    #expect(Span(seconds: -60).description == "-1m")
  }

  @Test func instantsParseWithOffsets() {
    let a = InstantFormat.parse("2026-11-22T08:00:00+08:00")
    #expect(a == InstantFormat.parse("2026-11-22T00:00:00Z"))
    #expect(a == InstantFormat.parse("2026-11-22 08:00:00"))
    #expect(a == InstantFormat.parse("2026-11-22T08:00"))
    #expect(a == InstantFormat.parse("2026-11-21T19:00:00-05:00"))
    #expect(a?.epochSeconds == 1_795_305_600)
    #expect(InstantFormat.iso(a!) == "2026-11-22T08:00:00+08:00")
  }

  @Test(arguments: ["tomorrow", "2026-13-01T00:00", "2026-11-22T25:00", "2026-11-22T08:00:00+08:00junk"])
  func badInstantsAreRejected(text: String) {
    #expect(InstantFormat.parse(text) == nil)
  }

  @Test func fixedClockIsFixed() {
    let c = FixedClock(Instant(epochSeconds: 42))
    #expect(c.now() == c.now())
    #expect(c.now().epochSeconds == 42)
  }
}
