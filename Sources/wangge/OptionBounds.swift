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

  /// `WIDTHxHEIGHT` within `InputBounds.maxScreenWidth` × `maxScreenHeight`, or an error naming the bound.
  static func size(_ text: String, option: String = "--size", example: String) throws -> Size {
    let parts = text.lowercased().split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "x" || $0 == "×" })
    let bound = "at most \(InputBounds.maxScreenWidth)x\(InputBounds.maxScreenHeight)"
    guard parts.count == 2,
      parts.allSatisfy({ p in !p.isEmpty && p.allSatisfy { $0.isASCII && $0.isNumber } })
    else {
      throw ValidationError(
        "\(option): \"\(text.prefix(40))\" is not WIDTHxHEIGHT (e.g. \(example); \(bound))")
    }
    guard let w = Int(parts[0]), let h = Int(parts[1]), (1...InputBounds.maxScreenWidth).contains(w),
      (1...InputBounds.maxScreenHeight).contains(h)
    else {
      throw ValidationError("\(option): \(bound) and at least 1x1, got \(text.prefix(40))")
    }
    return Size(width: w, height: h)
  }
}
