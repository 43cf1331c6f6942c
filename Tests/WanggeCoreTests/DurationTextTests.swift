import Testing

@testable import WanggeCore

/// The one duration grammar (`DurationText`): what the command line and the board's form read.
struct DurationTextTests {
  func seconds(_ text: String) -> Int64? { try? DurationText.parse(text).get().seconds }

  @Test(
    arguments: [
      ("90m", 5_400), ("3h", 10_800), ("1h30m", 5_400), ("1d12h", 129_600), ("45s", 45),
      ("3小时", 10_800), ("90分钟", 5_400), ("1天", 86_400), ("1小时30分钟", 5_400), (" 2d 4h ", 187_200),
      ("2H", 7_200), ("3时", 10_800), ("5分", 300), ("30秒", 30), ("1天12小时", 129_600), ("30m1h", 5_400),
      ("366d", 366 * 86_400),
    ] as [(String, Int64)])
  func reads(text: String, expected: Int64) {
    #expect(seconds(text) == expected, "\(text)")
  }

  @Test func aBareNumberIsRefusedWithTheAcceptedForms() {
    #expect(DurationText.parse("90") == .failure(.bareNumber("90")))
    #expect(
      DurationProblem.bareNumber("90").description
        == "\"90\" has no unit; give a unit: 90m, 3h, 1d12h, 3小时, 90分钟, 1天")
    #expect(DurationProblem.bareNumber("90").chineseDescription == "“90” 缺少单位，请写：90m、3h、1d12h、3小时、90分钟、1天")
    #expect(DurationText.parse(" 1 5 ") == .failure(.bareNumber("15")))
  }

  @Test(arguments: ["h", "3x", "-3h", "3h-", "abc", "1.5h", "3hh", "1h 30", "三小时", "3 hours", "1e3s", "３h"])
  func refusesWhatIsNotADuration(text: String) {
    #expect(DurationText.parse(text) == .failure(.notADuration(text)), "\(text)")
  }

  @Test func refusesEmptyRepeatedZeroAndTooLong() {
    #expect(DurationText.parse("  ") == .failure(.empty))
    #expect(DurationText.parse("1h1h") == .failure(.repeatedUnit("1h1h")))
    #expect(DurationText.parse("1小时1h") == .failure(.repeatedUnit("1小时1h")))
    #expect(DurationText.parse("0m") == .failure(.zero))
    #expect(DurationText.parse("0h0m") == .failure(.zero))
    #expect(DurationText.parse("366d1s") == .failure(.tooLong))
    #expect(DurationText.parse("99999999999999999999d") == .failure(.tooLong))
    #expect(DurationText.parse("106751991167301d") == .failure(.tooLong))
    #expect(DurationText.parse("9223372036854775807s1m") == .failure(.tooLong))
    #expect(DurationProblem.zero.isOutOfRange && DurationProblem.tooLong.isOutOfRange)
    #expect(!DurationProblem.bareNumber("1").isOutOfRange)
  }

  @Test func formatsTheShortestFormThatReadsBack() {
    #expect(DurationText.format(.seconds(5_400)) == "1h30m")
    #expect(DurationText.format(.hours(3)) == "3h")
    #expect(DurationText.format(Span(seconds: 129_600)) == "1d12h")
    #expect(DurationText.format(Span(seconds: 90_061)) == "1d1h1m1s")
    #expect(DurationText.format(Span(seconds: 0)) == "0s")
    #expect(DurationText.format(Span(seconds: -60)) == "-1m")
    for s in [1, 59, 60, 61, 3_599, 3_600, 86_399, 86_400, 129_600, 2_592_000, 366 * 86_400] as [Int64] {
      #expect(DurationText.parse(DurationText.format(Span(seconds: s))) == .success(Span(seconds: s)), "\(s)")
    }
  }

  @Test func spanReadsAndWritesThroughTheGrammar() {
    #expect(Span(parsing: "3小时") == .hours(3))
    #expect(Span(parsing: "90") == nil)
    #expect(Span(seconds: 5_430).description == DurationText.format(Span(seconds: 5_430)))
  }
}

extension Span {
  fileprivate static func seconds(_ s: Int64) -> Span { Span(seconds: s) }
}

/// How the board reads a countdown or a lateness, in each language (`DurationText.reading`).
struct DurationReadingTests {
  @Test(
    arguments: [
      (97_200, "1天3小时", "1d3h"), (7_200, "2小时", "2h00m"), (3_540, "59分钟", "59m"), (3_600, "1小时", "1h00m"),
      (7_500, "2小时5分", "2h05m"), (86_400, "1天", "1d0h"), (30, "0分钟", "0m"), (-7_200, "2小时", "2h00m"),
    ] as [(Int64, String, String)])
  func readsInBothLanguages(seconds: Int64, chinese: String, english: String) {
    #expect(DurationText.reading(Span(seconds: seconds), in: .chinese) == chinese)
    #expect(DurationText.reading(Span(seconds: seconds), in: .english) == english)
  }

  @Test func wordsForSentences() {
    #expect(DurationText.words(Span(seconds: 97_200), in: .chinese) == "1天3小时")
    #expect(DurationText.words(Span(seconds: 2_700), in: .english) == "45 min")
    #expect(DurationText.words(Span(seconds: 20), in: .chinese) == "不到1分钟")
  }
}
