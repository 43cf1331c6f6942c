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

/// A clock that starts at a given instant and then runs at the pace of the machine's monotonic clock
/// (`wangge simulate --at`: events dated from that instant on, whatever today's date is).
public struct ShiftedClock: Clock {
  /// The instant this clock reported when it was made.
  public let start: Instant
  private let startUptime: Double
  public init(startingAt start: Instant) {
    self.start = start
    self.startUptime = ProcessInfo.processInfo.systemUptime
  }
  public func now() -> Instant {
    start + Span(seconds: Int64(max(0, ProcessInfo.processInfo.systemUptime - startUptime)))
  }
}
