/// A length of time in whole seconds, written by people as `3h`, `90m`, `1h30m`, `45s` or `2d`.
public struct Span: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The length in seconds.
  public var seconds: Int64

  public init(seconds: Int64) { self.seconds = seconds }

  public static func hours(_ h: Int64) -> Span { Span(seconds: Saturating.multiply(h, 3600)) }
  public static func minutes(_ m: Int64) -> Span { Span(seconds: Saturating.multiply(m, 60)) }
  public static func days(_ d: Int64) -> Span { Span(seconds: Saturating.multiply(d, 86_400)) }

  public static func < (lhs: Span, rhs: Span) -> Bool { lhs.seconds < rhs.seconds }

  /// Parses `3h`, `15h`, `90m`, `1h30m`, `2d`, `45s` or a bare number of seconds.
  /// Returns nil for anything else (empty, negative, unknown unit, overflow).
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
    guard !trimmed.isEmpty else { return nil }
    if let bare = Int64(trimmed), bare >= 0 {
      self.seconds = bare
      return
    }
    var total: Int64 = 0
    var digits = ""
    var sawUnit = false
    for ch in trimmed {
      if ch.isASCII, ch.isNumber {
        digits.append(ch)
        continue
      }
      let unit: Int64
      switch ch {
      case "d": unit = 86_400
      case "h": unit = 3600
      case "m": unit = 60
      case "s": unit = 1
      default: return nil
      }
      guard let n = Int64(digits) else { return nil }
      let (product, o1) = n.multipliedReportingOverflow(by: unit)
      let (sum, o2) = total.addingReportingOverflow(product)
      guard !o1, !o2 else { return nil }
      total = sum
      digits = ""
      sawUnit = true
    }
    guard digits.isEmpty, sawUnit else { return nil }
    self.seconds = total
  }

  /// Compact form such as `3h`, `1h30m`, `45s`, `2d4h`; `0s` for zero; a leading `-` when negative.
  public var description: String {
    if seconds == 0 { return "0s" }
    var rest = seconds.magnitude
    var out = seconds < 0 ? "-" : ""
    for (unit, suffix) in [(UInt64(86_400), "d"), (3600, "h"), (60, "m"), (1, "s")] where rest >= unit {
      out += "\(rest / unit)\(suffix)"
      rest %= unit
    }
    return out
  }
}

import Foundation
