import Foundation
import WanggeCore

/// When the board colours a deadline or a rate: amber (`!`) for a deadline within ``amberWithin``,
/// red (`✗`) once a deadline is more than ``redAfter`` past, green (`✓`) for a rate at or above
/// ``greenRate`` with nothing open; and how many days the overview's census share counts back
/// (``censusDays``). Read from `board.conf` (``BoardConfig``).
public struct BoardThresholds: Sendable, Hashable {
  /// Seconds before a deadline from which it counts as falling due (amber).
  public var amberWithin: Int64 = 3600
  /// Seconds past a deadline before it is drawn red (0: as soon as it is overdue).
  public var redAfter: Int64 = 0
  /// The rate at or above which, with nothing open, a rate is green.
  public var greenRate: Double = 0.95
  /// Days the overview's `核实7天` column counts back (`census_days`).
  public var censusDays: Int = BoardThresholds.standardCensusDays

  /// The census share's window without a setting: a week, the usual round of a door-knocking census.
  public static let standardCensusDays = 7

  public init() {}

  /// The thresholds the board uses without a configuration file.
  public static let standard = BoardThresholds()
}

/// `~/.config/wangge/board.conf` (or `--config FILE`): `key = value` lines for the thresholds, `#`
/// comments. Keys: `amber_within` (a duration: `1h`, `45m`, `1小时`), `red_after` (a duration, or
/// `0`), `green_rate` (a percentage: `95%` or `95`), `census_days` (whole days, 1–366). A bad line is
/// refused naming `file:line`, the key and the fix; nothing is half-applied.
public enum BoardConfig {
  /// The keys a configuration file may set.
  public static let keys = ["amber_within", "red_after", "green_rate", "census_days"]

  /// The default file: `$XDG_CONFIG_HOME/wangge/board.conf`, else `~/.config/wangge/board.conf`.
  public static func defaultPath(environment: [String: String]) -> String {
    if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/wangge/board.conf" }
    return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/wangge/board.conf"
  }

  /// The thresholds from `path` (`--config`), else from the default file when it exists, else the
  /// standard ones; the problems (each `file:line: key: …`) when the file cannot be used.
  public static func load(
    path: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Result<BoardThresholds, BoardConfigError> {
    let file = path ?? defaultPath(environment: environment)
    guard FileManager.default.fileExists(atPath: file) else {
      if path == nil { return .success(.standard) }
      return .failure(
        BoardConfigError(problems: ["\(file): no such file; give an existing file to --config"]))
    }
    guard let data = FileManager.default.contents(atPath: file),
      let text = String(data: data, encoding: .utf8)
    else {
      return .failure(BoardConfigError(problems: ["\(file):1: cannot be read as UTF-8 text"]))
    }
    return parse(text, file: file)
  }

  /// Reads `text` (the contents of `file`, named in the problems).
  public static func parse(_ text: String, file: String) -> Result<BoardThresholds, BoardConfigError> {
    var out = BoardThresholds.standard
    var problems: [String] = []
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let at = "\(file):\(index + 1)"
      let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard !trimmed.isEmpty else { continue }
      let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        problems.append("\(at): expected `key = value` (keys: \(keys.joined(separator: ", ")))")
        continue
      }
      let (key, value) = (parts[0], parts[1])
      switch key {
      case "amber_within", "red_after":
        let seconds: Int64
        if value == "0" && key == "red_after" {
          seconds = 0
        } else {
          switch DurationText.parse(value) {
          case .success(let span) where span.seconds <= 86_400: seconds = span.seconds
          case .success:
            problems.append("\(at): \(key): \"\(value.prefix(40))\" is more than a day; give at most 24h")
            continue
          case .failure(let p):
            problems.append("\(at): \(key): \(p); e.g. \(key) = 1h")
            continue
          }
        }
        if key == "amber_within" { out.amberWithin = seconds } else { out.redAfter = seconds }
      case "green_rate":
        let number = value.hasSuffix("%") ? String(value.dropLast()) : value
        guard let percent = Double(number.trimmingCharacters(in: .whitespaces)), percent > 0, percent <= 100
        else {
          problems.append(
            "\(at): green_rate: \"\(value.prefix(40))\" is not a percentage; give 1–100, e.g. green_rate = 95%"
          )
          continue
        }
        out.greenRate = percent / 100
      case "census_days":
        guard let days = Int(value), (1...InputBounds.maxDays).contains(days) else {
          problems.append(
            "\(at): census_days: \"\(value.prefix(40))\" is not a number of days; give 1–\(InputBounds.maxDays), e.g. census_days = 7"
          )
          continue
        }
        out.censusDays = days
      default:
        problems.append(
          "\(at): unknown key \"\(key.prefix(40))\"; known keys: \(keys.joined(separator: ", "))")
      }
    }
    return problems.isEmpty ? .success(out) : .failure(BoardConfigError(problems: problems))
  }
}

/// Why a board configuration file cannot be used: one `file:line: …` line per problem.
public struct BoardConfigError: Error, Sendable, Hashable, CustomStringConvertible {
  public var problems: [String]
  public var description: String { problems.joined(separator: "\n") }
}
