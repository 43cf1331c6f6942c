import Testing
import TerminalUI
import WanggeBoard

/// `board.conf`: the amber/red/green thresholds, and errors that name file:line and the fix.
struct BoardConfigTests {
  @Test func readsTheThresholds() throws {
    let text =
      "# thresholds\namber_within = 30m  # half an hour\n\nred_after = 10m\ngreen_rate = 90%\ncensus_days = 14\n"
    let t = try BoardConfig.parse(text, file: "board.conf").get()
    #expect(t.amberWithin == 1800 && t.redAfter == 600 && t.greenRate == 0.9 && t.censusDays == 14)
    #expect(BoardThresholds.standard.censusDays == 7)
    #expect(try BoardConfig.parse("", file: "x").get() == .standard)
  }

  @Test func aBadValueNamesFileLineKeyAndFix() {
    let text =
      "amber_within = soon\ngreen_rate = 140\ncolour = red\njust words\ncensus_days = 0\ncensus_days = a week\n"
    guard case .failure(let error) = BoardConfig.parse(text, file: "/etc/board.conf") else {
      Issue.record("a bad file is refused")
      return
    }
    #expect(error.problems.count == 6)
    #expect(error.problems[0].hasPrefix("/etc/board.conf:1: amber_within: \"soon\" is not a duration"))
    #expect(
      error.problems[1].hasPrefix("/etc/board.conf:2: green_rate: \"140\" is not a percentage; give 1–100"))
    #expect(
      error.problems[2].hasPrefix("/etc/board.conf:3: unknown key \"colour\"; known keys: amber_within"))
    #expect(error.problems[3].hasPrefix("/etc/board.conf:4: expected `key = value`"))
    #expect(
      error.problems[4]
        == "/etc/board.conf:5: census_days: \"0\" is not a number of days; give 1–366, e.g. census_days = 7")
    #expect(error.problems[5].hasPrefix("/etc/board.conf:6: census_days: \"a week\" is not a number of days"))
  }

  @Test func aMissingExplicitFileIsAnError() {
    guard case .failure(let e) = BoardConfig.load(path: "/nonexistent/board.conf", environment: [:]) else {
      Issue.record("a missing --config file is refused")
      return
    }
    #expect(e.description.contains("/nonexistent/board.conf: no such file"))
    #expect((try? BoardConfig.load(path: nil, environment: ["HOME": "/nonexistent"]).get()) == .standard)
  }

  @Test func theThresholdsDecideTheColours() {
    var thresholds = BoardThresholds()
    thresholds.amberWithin = 1800
    thresholds.redAfter = 600
    thresholds.greenRate = 0.8
    let c = CellText(Words(.zh, thresholds: thresholds))
    #expect(c.timeLeft(2400).text == "剩 40分钟", "40 min left is not amber under a 30 min threshold")
    #expect(c.timeLeft(1200).text == "! 剩 20分钟")
    #expect(c.timeLeft(-300).text == "! 超 5分钟", "5 min late is amber within red_after")
    #expect(c.timeLeft(-900).text == "✗ 超 15分钟")
    #expect(c.rate(0.85).text == "✓ 85.0%")
    #expect(CellText(Words(.zh)).rate(0.85).text == "· 85.0%")
  }
}
