import Foundation
import Testing

@testable import WanggeCore

/// Every bound of `InputBounds`, just inside and just outside, and arithmetic that cannot trap.
@Suite struct BoundsTests {
  @Test(arguments: [
    "2000-01-01T00:00:00+08:00", "2100-12-31T23:59:59+08:00", "2026-02-28T12:00:00+08:00",
    "2028-02-29T12:00:00+08:00", "2000-02-29T00:00:00+08:00", "2026-04-30T00:00:00+08:00",
    "2026-11-22T23:59:59+08:00", "2026-11-22T08:00:00+14:00", "2026-11-22T08:00:00-14:00",
    "2026-11-22T08:00:00+13:59", "2026-11-22T08:00:00+0530", "2026-11-22T08:00:00Z", " 2026-11-22T08:00 ",
  ])
  func realInstantsInsideTheYearsParse(text: String) {
    #expect(InstantFormat.parse(text) != nil, "\(text)")
  }

  @Test(arguments: [
    "1999-12-31T23:59:59+08:00", "2101-01-01T00:00:00+08:00", "2000-01-01T00:00:00+09:00",
    "2100-12-31T23:59:59+07:00", "2026-02-29T12:00:00+08:00", "2100-02-29T12:00:00+08:00",
    "2026-02-31T00:00:00+08:00", "2026-04-31T00:00:00+08:00", "2026-06-31T00:00", "2026-11-31T00:00",
    "2026-11-22T23:59:60+08:00", "2026-11-22T24:00:00+08:00", "2026-11-22T23:60:00+08:00",
    "2026-11-22T08:00:00+14:01", "2026-11-22T08:00:00+13:60", "2026-11-22T08:00:00+99:99",
    "2026-11-22T08:00:00+24:00", "2026-11-22T08:00:00-15:00", "0000-01-01T00:00:00+08:00",
    "2026-00-10T00:00", "2026-11-00T00:00", "0", " 6", "9223372036854775807", "-9223372036854775807", "-5",
    "1795305600", "",
  ])
  func impossibleOrOutOfRangeInstantsAreRejected(text: String) {
    #expect(InstantFormat.parse(text) == nil, "\(text)")
  }

  @Test func rejectionsSayWhy() {
    func reason(_ text: String) -> String {
      if case .failure(let p) = InstantFormat.check(text) { return p.description }
      return "accepted"
    }
    #expect(reason("2026-02-31T00:00") == "day 31 does not exist: 2026-02 has 28 days")
    #expect(reason("2026-11-22T23:59:60").contains("seconds 00–59"))
    #expect(reason("2026-11-22T08:00+99:99").contains("at most ±14:00"))
    #expect(reason("0000-01-01T00:00").contains("years 2000–2100"))
    #expect(reason("9223372036854775807").contains("bare number"))
    #expect(reason("2000-01-01T00:00:00+09:00").contains("2000-01-01T00:00:00+08:00"))
  }

  @Test func theBoundsAreTheWrittenInstants() {
    #expect(InstantFormat.parse("2000-01-01T00:00:00+08:00") == InputBounds.earliestInstant)
    #expect(InstantFormat.parse("2100-12-31T23:59:59+08:00") == InputBounds.latestInstant)
    #expect(InstantFormat.iso(InputBounds.latestInstant) == "2100-12-31T23:59:59+08:00")
  }

  @Test func instantArithmeticSaturates() {
    let max = Instant(epochSeconds: .max)
    let min = Instant(epochSeconds: .min)
    #expect(max + Span(seconds: 1) == max)
    #expect(min - Span(seconds: 1) == min)
    #expect(min + Span(seconds: -1) == min)
    #expect(max - Span(seconds: -1) == max)
    #expect(min.since(max).seconds == .min)
    #expect(max.since(min).seconds == .max)
    #expect(Instant(epochSeconds: 10).since(Instant(epochSeconds: 4)).seconds == 6)
    #expect(Span.days(.max).seconds == .max)
    #expect(Span.hours(.min).seconds == .min)
    #expect(Span(seconds: .min).description.hasPrefix("-"))
    #expect(InstantFormat.iso(max).isEmpty == false)  // formatting an absurd instant does not trap
  }

  @Test func absurdWindowsGiveSaturatedDeadlines() {
    let issued = InstantFormat.parse("2026-11-22T08:00:00+08:00")!
    let task = GridTask(
      id: 1, type: .notice, title: "x", scopeID: 1, issuedAt: issued,
      ackWithin: Span(seconds: .max), finishWithin: Span(seconds: .min))
    #expect(task.deadlines.ack.epochSeconds == .max)
    #expect(task.deadlines.finish < issued)
    #expect((Instant(epochSeconds: -5) + Span(seconds: .min)).epochSeconds == .min)
    let tally = TaskTally(assigned: 3, acknowledged: 1, acknowledgedOnTime: 1, finished: 0, finishedOnTime: 0)
    #expect(tally.finishesOverdue(at: issued, deadlines: task.deadlines) == 3)
    _ = EscalationPolicy.standard(for: .notice).level(of: tally, deadlines: task.deadlines, at: issued)
  }

  @Test func windowsAreMoreThanZeroAndAtMostThirtyDays() {
    #expect(InputBounds.windowProblem(Span(seconds: 1)) == nil)
    #expect(InputBounds.windowProblem(.days(30)) == nil)
    #expect(InputBounds.windowProblem(Span(seconds: 30 * 86_400 + 1))?.contains("at most 30 days") == true)
    #expect(InputBounds.windowProblem(Span(seconds: 0))?.contains("more than 0") == true)
    #expect(InputBounds.windowProblem(Span(seconds: -1)) != nil)
    #expect(InputBounds.windowProblem(Span(seconds: .max))?.contains("at most 30 days") == true)
  }

  @Test func rangesNameTheirBounds() {
    #expect(InputBounds.rangeProblem(1, 1...InputBounds.maxDays) == nil)
    #expect(InputBounds.rangeProblem(366, 1...InputBounds.maxDays) == nil)
    #expect(InputBounds.rangeProblem(367, 1...InputBounds.maxDays) == "must be from 1 to 366, got 367")
    #expect(InputBounds.rangeProblem(0, 1...InputBounds.maxDays) == "must be from 1 to 366, got 0")
  }

  @Test func idsAreShortValidTextWithoutControls() {
    #expect(InputBounds.idProblem(String(repeating: "a", count: 128)) == nil)
    #expect(InputBounds.idProblem(String(repeating: "a", count: 129))?.contains("at most 128 bytes") == true)
    #expect(InputBounds.idProblem(String(repeating: "网", count: 42)) == nil)  // 126 bytes
    #expect(InputBounds.idProblem(String(repeating: "网", count: 43)) != nil)  // 129 bytes
    #expect(InputBounds.idProblem("") != nil)
    #expect(InputBounds.idProblem("inv-\u{FFFD}")?.contains("UTF-8") == true)
    #expect(InputBounds.idProblem("a\u{1B}]0;x\u{07}") != nil)
    #expect(InputBounds.idProblem("a\u{85}") != nil)
    #expect(InputBounds.idProblem("inv-\u{FF}") == nil)
  }

  @Test func resultsAreBoundedInBytesAndKeys() {
    func object(_ n: Int) -> String { "{" + (0..<n).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}" }
    #expect(InputBounds.resultProblem(object(200)) == nil)
    #expect(InputBounds.resultProblem(object(201)) == "at most 200 keys, got 201")
    #expect(InputBounds.keyCount(json: #"{"a" : {"b":[{"c":1}], "d":"e:\"f\":"}}"#) == 4)
    let big = "[\"" + String(repeating: "x", count: 16 * 1024 - 4) + "\"]"
    #expect(big.utf8.count == 16 * 1024)
    #expect(InputBounds.resultProblem(big) == nil)
    #expect(
      InputBounds.resultProblem("[\"" + String(repeating: "x", count: 16 * 1024 - 3) + "\"]")?.contains(
        "16384") == true)
  }
}
