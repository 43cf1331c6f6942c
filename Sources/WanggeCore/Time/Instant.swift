import Foundation

/// A point in time with one-second resolution, counted in seconds since 1970-01-01T00:00:00Z.
///
/// Deadlines are compared on whole seconds so that "exactly 3 h 0 min 0 s" is unambiguous.
public struct Instant: Hashable, Comparable, Sendable, Codable {
  /// Seconds since the Unix epoch.
  public var epochSeconds: Int64

  public init(epochSeconds: Int64) { self.epochSeconds = epochSeconds }

  public init(_ date: Date) { self.epochSeconds = Int64(date.timeIntervalSince1970.rounded(.down)) }

  public var date: Date { Date(timeIntervalSince1970: TimeInterval(epochSeconds)) }

  public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.epochSeconds < rhs.epochSeconds }

  /// Saturates at the ends of `Int64` instead of trapping (a stored window may be absurd).
  public static func + (lhs: Instant, rhs: Span) -> Instant {
    Instant(epochSeconds: Saturating.add(lhs.epochSeconds, rhs.seconds))
  }

  /// Saturates at the ends of `Int64` instead of trapping.
  public static func - (lhs: Instant, rhs: Span) -> Instant {
    Instant(epochSeconds: Saturating.subtract(lhs.epochSeconds, rhs.seconds))
  }

  /// The span from `other` to `self` (negative when `other` is later); saturates instead of trapping.
  public func since(_ other: Instant) -> Span {
    Span(seconds: Saturating.subtract(epochSeconds, other.epochSeconds))
  }
}

/// `Int64` arithmetic that stops at the ends of the type instead of trapping.
public enum Saturating {
  public static func add(_ a: Int64, _ b: Int64) -> Int64 {
    let (r, o) = a.addingReportingOverflow(b)
    return o ? (b > 0 ? .max : .min) : r
  }

  public static func subtract(_ a: Int64, _ b: Int64) -> Int64 {
    let (r, o) = a.subtractingReportingOverflow(b)
    return o ? (b < 0 ? .max : .min) : r
  }

  public static func multiply(_ a: Int64, _ b: Int64) -> Int64 {
    let (r, o) = a.multipliedReportingOverflow(by: b)
    return o ? ((a < 0) == (b < 0) ? .max : .min) : r
  }
}
