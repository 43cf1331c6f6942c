import TerminalUI

/// Theme files: a file either gives a theme or every problem it reports names this file and a line
/// of it; nothing traps (the TOML reader is C++ behind TOMLKit).
struct ThemeFuzz: FuzzTarget {
  func run(_ bytes: [UInt8]) {
    let input = text(bytes)
    let lines = input.split(separator: "\n", omittingEmptySubsequences: false).count
    do {
      let theme = try ThemeParser.parse(input, file: "fuzz.toml")
      require(!theme.name.isEmpty, "a parsed theme has no name")
    } catch {
      require(!error.problems.isEmpty, "a theme failed with no problem reported")
      for p in error.problems {
        require(p.file == "fuzz.toml", "problem names file \(p.file)")
        require(
          (1...max(lines, 1) + 1).contains(p.line), "problem at line \(p.line) of a \(lines)-line file: \(p)")
        require(!p.key.isEmpty && !p.problem.isEmpty, "problem without key or text: \(p)")
      }
    }
  }
}
