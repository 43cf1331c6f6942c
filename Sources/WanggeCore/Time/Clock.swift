import Foundation

/// Where "now" comes from. Injected everywhere so that every deadline is testable to the second.
public protocol Clock: Sendable {
  /// The current instant.
  func now() -> Instant
}

/// The wall clock of the machine.
public struct SystemClock: Clock {
  public init() {}
  public func now() -> Instant { Instant(Date()) }
}

/// A clock that always answers the same instant (tests, `--at`).
public struct FixedClock: Clock {
  /// The instant this clock reports.
  public let instant: Instant
  public init(_ instant: Instant) { self.instant = instant }
  public func now() -> Instant { instant }
}
