import WanggeCore

/// How a store is opened: `read` never writes (no migration, nothing changed); `write` migrates an
/// older schema first and refuses a newer one.
public enum StoreOpenMode: Sendable, Hashable { case read, write }

/// Events recorded in a window under one place, and how many of them arrived long after their `at`.
public struct LateArrivals: Hashable, Sendable {
  /// Events recorded in the window.
  public var events = 0
  /// Of those, recorded more than the threshold after their `at`.
  public var late = 0
  public init(events: Int = 0, late: Int = 0) {
    self.events = events
    self.late = late
  }
  /// `late / events`, or 0 with no events.
  public var share: Double { events > 0 ? Double(late) / Double(events) : 0 }
}

/// The whole store contract as the commands, the board and the simulator use it, whatever the engine.
public protocol GridStore:
  BoardSource, TaskDesk, SimulationSource, LedgerDesk, OperatorDesk, ScreeningDesk, MeetingDesk, DutyDesk,
  CensusDesk, OrderDesk, ReportDesk, ExportAuditDesk, DutyRosterImport
{
  /// Where the store is, as the user named it (a file path; a URL without its password).
  var location: String { get }
  /// A short name for the board's header (a file name, or host and database).
  var label: String { get }
  /// Whether `wangge demo` made this store (its demo mark): only then may the simulator run on it.
  func isDemo() throws -> Bool
  /// Removes the demo mark (importing real data does this; `wangge init` never sets it).
  func clearDemoMark() throws
  /// Events recorded within `window` before `now` under `scope`, per child of `scope` (keyed by the
  /// child's id; the scope's own total under `scope.id`), with those recorded more than `lateBy` after
  /// their `at`: the late-arrival flag of `report`.
  func lateArrivals(under scope: Place, recordedIn window: Span, before now: Instant, lateBy: Span) throws
    -> [Int64: LateArrivals]
  /// A live feed of commits for the board (nil: the engine has none, and the board polls
  /// ``Store/changeToken()``).
  func changeFeed() throws -> (any ChangeFeed)?
  /// Whether the store is a read-only hot standby (PostgreSQL streaming replica): it never writes.
  var isStandby: Bool { get }
}

extension GridStore {
  /// No live feed: the board polls the change token.
  public func changeFeed() throws -> (any ChangeFeed)? { nil }
  /// An engine without replicas is never a standby.
  public var isStandby: Bool { false }
}
