/// Reads and writes durations as people type them: `3h`, `90m`, `1h30m`, `2d`, `45s`, `3小时`, `90分钟`.
public enum DurationParser {
  static let units: [(String, Int)] = [
    ("小时", 3600), ("分钟", 60), ("天", 86400), ("时", 3600), ("分", 60), ("秒", 1),
    ("d", 86400), ("h", 3600), ("m", 60), ("s", 1),
  ]

  /// The longest duration read at all (a year); callers bound windows further.
  public static let longest = 366 * 86_400

  /// Seconds in `text`, or nil when it is not a duration, is zero or is longer than ``longest``.
  /// A bare number means minutes.
  public static func seconds(_ text: String) -> Int? {
    guard let total = anyLength(text), total > 0, total <= longest else { return nil }
    return total
  }

  /// Seconds in `text` of any length that fits an `Int` (0 too), for callers that say why a length is refused.
  public static func anyLength(_ text: String) -> Int? {
    let trimmed = text.filter { !$0.isWhitespace }.lowercased()
    guard !trimmed.isEmpty else { return nil }
    if let minutes = Int(trimmed) {
      let (product, overflow) = minutes.multipliedReportingOverflow(by: 60)
      return minutes >= 0 && !overflow ? product : nil
    }
    var rest = Substring(trimmed)
    var total = 0
    var usedUnits: Set<Int> = []
    while !rest.isEmpty {
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty, let number = Int(digits) else { return nil }
      rest = rest.dropFirst(digits.count)
      guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
      guard usedUnits.insert(unit.1).inserted else { return nil }
      rest = rest.dropFirst(unit.0.count)
      let (product, overflow) = number.multipliedReportingOverflow(by: unit.1)
      let (sum, overflow2) = total.addingReportingOverflow(product)
      guard !overflow, !overflow2 else { return nil }
      total = sum
    }
    return total
  }

  /// Nil when `seconds` is more than 0 and at most `maxSeconds`, else the problem in `language`.
  public static func rangeProblem(_ seconds: Int, maxSeconds: Int, _ language: Language) -> String? {
    guard seconds <= 0 || seconds > maxSeconds else { return nil }
    return UIText.durationOutOfRange(maxSeconds: maxSeconds, language)
  }

  /// The shortest form of `seconds`: `1h30m`, `2d`, `45s`, `0m`.
  public static func format(_ seconds: Int) -> String {
    guard seconds > 0 else { return "0m" }
    var rest = seconds
    var text = ""
    for (suffix, size) in [("d", 86400), ("h", 3600), ("m", 60), ("s", 1)] where rest >= size {
      text += "\(rest / size)\(suffix)"
      rest %= size
    }
    return text
  }
}
