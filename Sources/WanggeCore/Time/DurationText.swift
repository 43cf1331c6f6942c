/// The one grammar for durations people type, on the command line and in the board's form:
/// `90m`, `3h`, `1h30m`, `1d12h`, `45s`, `3小时`, `90分钟`, `1天`, `1小时30分钟`.
///
/// Whitespace is ignored and ASCII letters may be upper case; each unit appears once; a bare number
/// is refused (it could mean seconds or minutes), so is zero, and so is anything longer than
/// ``longest`` (overflow included). ``format(_:)`` writes the shortest form, which parses back to itself.
public enum DurationText {
  /// The accepted forms, as shown in messages.
  public static let examples = "90m, 3h, 1d12h, 3小时, 90分钟, 1天"
  /// The same, with Chinese separators.
  public static let chineseExamples = "90m、3h、1d12h、3小时、90分钟、1天"

  /// The longest duration read at all (366 days); callers bound windows further.
  public static let longest = Span.days(366)

  /// Unit spellings, longest first so `分钟` wins over `分`, with their length in seconds.
  static let units: [(spelling: String, seconds: Int64)] = [
    ("小时", 3600), ("分钟", 60), ("天", 86_400), ("时", 3600), ("分", 60), ("秒", 1),
    ("d", 86_400), ("h", 3600), ("m", 60), ("s", 1),
  ]

  /// The span `text` names, or why it names none.
  public static func parse(_ text: String) -> Result<Span, DurationProblem> {
    let compact = String(
      text.filter { !$0.isWhitespace }.map { $0.isASCII ? Character($0.lowercased()) : $0 })
    guard !compact.isEmpty else { return .failure(.empty) }
    if compact.allSatisfy({ $0.isASCII && $0.isNumber }) { return .failure(.bareNumber(compact)) }
    var rest = Substring(compact)
    var total: Int64 = 0
    var used: Set<Int64> = []
    var tooLong = false
    while !rest.isEmpty {
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty else { return .failure(.notADuration(text)) }
      rest = rest.dropFirst(digits.count)
      guard let unit = units.first(where: { rest.hasPrefix($0.spelling) }) else {
        return .failure(.notADuration(text))
      }
      rest = rest.dropFirst(unit.spelling.count)
      guard used.insert(unit.seconds).inserted else { return .failure(.repeatedUnit(text)) }
      // Too many digits or an overflowing product is "too long", once the whole text has the right shape.
      guard let n = Int64(digits) else {
        tooLong = true
        continue
      }
      let (product, o1) = n.multipliedReportingOverflow(by: unit.seconds)
      let (sum, o2) = total.addingReportingOverflow(product)
      if o1 || o2 { tooLong = true } else { total = sum }
    }
    if tooLong || total > longest.seconds { return .failure(.tooLong) }
    if total == 0 { return .failure(.zero) }
    return .success(Span(seconds: total))
  }

  /// The shortest form of `span`: `1h30m`, `1d12h`, `45s`; `0s` for zero, a leading `-` when negative.
  public static func format(_ span: Span) -> String {
    if span.seconds == 0 { return "0s" }
    var rest = span.seconds.magnitude
    var out = span.seconds < 0 ? "-" : ""
    for (unit, suffix) in [(UInt64(86_400), "d"), (3600, "h"), (60, "m"), (1, "s")] where rest >= unit {
      out += "\(rest / unit)\(suffix)"
      rest %= unit
    }
    return out
  }
}

/// Why a text is not a duration (``DurationText/parse(_:)``); the description says how to write one.
public enum DurationProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// Nothing but whitespace.
  case empty
  /// Digits without a unit, such as `90`.
  case bareNumber(String)
  /// Not numbers with units.
  case notADuration(String)
  /// A unit given twice, such as `1h1h`.
  case repeatedUnit(String)
  /// No time at all, such as `0m`.
  case zero
  /// Longer than ``DurationText/longest`` (or too long to count).
  case tooLong

  public var description: String {
    switch self {
    case .empty: "is empty; give a duration such as \(DurationText.examples)"
    case .bareNumber(let n): "\"\(n.prefix(40))\" has no unit; give a unit: \(DurationText.examples)"
    case .notADuration(let t): "\"\(t.prefix(40))\" is not a duration (e.g. \(DurationText.examples))"
    case .repeatedUnit(let t): "\"\(t.prefix(40))\" gives a unit twice; give each unit once (e.g. 1h30m)"
    case .zero: "must be more than 0"
    case .tooLong: "at most \(DurationText.longest.seconds / 86_400) days"
    }
  }

  /// The same in Chinese, for the board's form.
  public var chineseDescription: String {
    switch self {
    case .empty: "为空；请写时长，如 \(DurationText.chineseExamples)"
    case .bareNumber(let n):
      "“\(n.prefix(40))” 缺少单位，请写：\(DurationText.chineseExamples)"
    case .notADuration(let t):
      "“\(t.prefix(40))” 不是时长（例：\(DurationText.chineseExamples)）"
    case .repeatedUnit(let t): "“\(t.prefix(40))” 单位重复；每个单位只写一次（例：1h30m）"
    case .zero: "时长须大于 0"
    case .tooLong: "最多 \(DurationText.longest.seconds / 86_400) 天"
    }
  }

  /// True for a duration that has the right shape but is zero or too long (callers show their bound).
  public var isOutOfRange: Bool { self == .zero || self == .tooLong }
}
