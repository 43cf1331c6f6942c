import Testing

@testable import TerminalUI

/// Inputs the fuzzers (`scripts/fuzz`) found or the hostile-input issue named, replayed: each is
/// refused cleanly. The ones that trapped run in a child process (an exit test), so a trap fails
/// this test instead of ending the run.
@Suite struct TerminalUIFuzzRegressionTests {
  /// Sizes that abort when the frame is allocated, or take half a minute to draw.
  static let sizes = [
    "99999999999x2", "9223372036854775807x9223372036854775807", "3000x3000", "0x10", "-1x5",
  ]

  @Test(arguments: sizes) func sizeIsRefused(text: String) {
    #expect(Size(parsing: text) == nil, "\(text)")
  }

  @Test func sizeStillReadsItsForms() {
    #expect(Size(parsing: "120x40") == Size(width: 120, height: 40))
    #expect(Size(parsing: "80X24") == Size(width: 80, height: 24))
    #expect(Size(parsing: "120×40") == Size(width: 120, height: 40))
  }

  /// Theme files that tripped an assertion in toml++ (abort): a section name starting with neither a
  /// bare-key character nor a quote, and a `}` where an array wants a value (found by the theme
  /// fuzzer, minimised).
  static let themes = [
    "[=]", "[\u{FFFD}", "[é]", "[ #]", "[[!x]]", "\u{FEFF}[\u{11}ext]", "[a]\n[\n", "[.a]", "n=[}",
    "n=[1,}]", "n=[\n}]", "n={a=[}]}", "[text]\nattrs = [\"bold\", # x\n }",
  ]

  @Test(arguments: themes) func themeIsReportedWithItsLine(text: String) async {
    await #expect(processExitsWith: .success, "\(text.debugDescription)") { [text] in
      do {
        _ = try ThemeParser.parse(text, file: "t.toml")
        preconditionFailure("accepted")
      } catch let error as ThemeProblems {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        precondition(error.problems.allSatisfy { $0.file == "t.toml" && (1...lines).contains($0.line) })
      } catch {
        preconditionFailure("\(error)")
      }
    }
  }

  @Test func aQuotedOrBareSectionStillParses() throws {
    let text =
      "name = \"\"\"\n[=] a,}\n\"\"\"\n[ \"text\" ]\nfg = 1\nattrs = [\n  \"bold\", # [=]\n  \"underline\",\n]\n[ selection ]\nbg = 2\n"
    let theme = try ThemeParser.parse(text, file: "t.toml")
    #expect(theme.roles[.text]?.fg == .indexed(1))
    #expect(theme.roles[.selection]?.bg == .indexed(2))
  }

  /// An empty or odd key is named as the file writes it, never as nothing (the theme fuzzer found
  /// `[""]` reported with an empty key).
  @Test func anEmptyKeyIsNamedQuoted() {
    let cases: [(String, String)] = [
      ("[\"\"]", "\"\""), ("\"\" = 1", "\"\""), ("[text]\n\"\" = 1", "text.\"\""),
      ("[\"a b\"]", "\"a b\""), ("[text]\n\"f\\u0001\" = 1", "text.\"f\\u0001\""),
    ]
    for (text, key) in cases {
      do {
        _ = try ThemeParser.parse(text, file: "t.toml")
        Issue.record("accepted \(text.debugDescription)")
      } catch {
        #expect(error.problems.map(\.key) == [key], "\(text.debugDescription)")
        #expect(error.problems.allSatisfy { !$0.problem.isEmpty && $0.line >= 1 })
      }
    }
  }
}
