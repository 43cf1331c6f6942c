import ArgumentParser
import TerminalUI
import WanggeCore

/// Checks of numeric options against `InputBounds`; each error names the option and its bound.
enum OptionBounds {
  /// `--days`: from 1 to `InputBounds.maxDays`.
  static func days(_ days: Int, option: String = "--days") throws {
    if let p = InputBounds.rangeProblem(days, 1...InputBounds.maxDays) {
      throw ValidationError("\(option): \(p)")
    }
  }

  /// A count option such as `--batch` or `--walks`, from `lower` to `upper`.
  static func count(_ n: Int, _ option: String, _ lower: Int = 1, _ upper: Int) throws {
    if let p = InputBounds.rangeProblem(n, lower...upper) { throw ValidationError("\(option): \(p)") }
  }

  /// `WIDTHxHEIGHT` within `Size.largestFrame`, or an error naming the bound (`OptionValue.size`).
  static func size(_ text: String, option: String = "--size", example: String) throws -> Size {
    do {
      return try OptionValue.size(option, example: example)(text)
    } catch let problem as OptionProblem {
      throw ValidationError(problem.description)
    }
  }
}
