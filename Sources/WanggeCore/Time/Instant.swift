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

  public static func + (lhs: Instant, rhs: Span) -> Instant {
    Instant(epochSeconds: lhs.epochSeconds + rhs.seconds)
  }

  public static func - (lhs: Instant, rhs: Span) -> Instant {
    Instant(epochSeconds: lhs.epochSeconds - rhs.seconds)
  }

  /// The span from `other` to `self` (negative when `other` is later).
  public func since(_ other: Instant) -> Span { Span(seconds: epochSeconds - other.epochSeconds) }
}
