/// A length of time in whole seconds, written by people as `3h`, `90m`, `1h30m`, `45s`, `2d` or `3小时`.
public struct Span: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The length in seconds.
  public var seconds: Int64

  public init(seconds: Int64) { self.seconds = seconds }

  public static func hours(_ h: Int64) -> Span { Span(seconds: Saturating.multiply(h, 3600)) }
  public static func minutes(_ m: Int64) -> Span { Span(seconds: Saturating.multiply(m, 60)) }
  public static func days(_ d: Int64) -> Span { Span(seconds: Saturating.multiply(d, 86_400)) }

  public static func < (lhs: Span, rhs: Span) -> Bool { lhs.seconds < rhs.seconds }

  /// Reads a duration in the one grammar (``DurationText``): `3h`, `90m`, `1h30m`, `1d12h`, `3小时`, `1天`.
  /// Returns nil for anything else (a bare number, zero, a unit twice, longer than a year); see
  /// `DurationText.parse` for the reason.
  public init?(parsing text: String) {
    guard case .success(let span) = DurationText.parse(text) else { return nil }
    self = span
  }

  /// The shortest form (``DurationText/format(_:)``): `3h`, `1h30m`, `1d12h`; `0s` for zero, `-` when negative.
  public var description: String { DurationText.format(self) }
}
