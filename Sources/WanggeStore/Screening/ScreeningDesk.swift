import WanggeCore

/// Screening results, arrivals and home isolation as the commands and the board read them; writes go
/// through ``Store/ingest(_:recordedAt:source:)`` as ``ScreeningEvent``s and finishes. Each engine
/// gives a connection (``withScreeningSQL(write:_:)``); the figures are read from rollups.
public protocol ScreeningDesk {
  /// Runs `body` on a read (or write) transaction of the engine.
  func withScreeningSQL<T>(write: Bool, _ body: (any ScreeningSQL) throws -> T) throws -> T
}

extension ScreeningDesk {
  /// The home-isolation figures of `place` at `now`.
  public func isolationFigures(at place: Int64, now: Instant) throws -> IsolationFigures {
    try withScreeningSQL(write: false) { try ScreeningQueries(sql: $0).figures(place: place, at: now) }
  }
  /// What `task`'s finishes found under `place`.
  public func screeningTotals(task: Int64, place: Int64) throws -> ScreeningTotals {
    try withScreeningSQL(write: false) { try ScreeningQueries(sql: $0).totals(task: task, place: place) }
  }
  /// Active cases under `place`, most overdue first.
  public func isolationCases(under place: Int64, limit: Int) throws -> [IsolationCaseRow] {
    try withScreeningSQL(write: false) { try ScreeningQueries(sql: $0).cases(under: place, limit: limit) }
  }
  /// One case, whatever its status.
  public func isolationCase(_ id: Int64) throws -> IsolationCaseRow? {
    try withScreeningSQL(write: false) { try ScreeningQueries(sql: $0).case(id) }
  }
  /// People expected on `day` under `place`, not yet arrived.
  public func expectedArrivals(under place: Int64, day: LocalDay, limit: Int = 200) throws
    -> [ExpectedArrival]
  {
    try withScreeningSQL(write: false) {
      try ScreeningQueries(sql: $0).arrivals(under: place, day: day, limit: limit)
    }
  }
  public func isolationPolicy() throws -> IsolationPolicy {
    try withScreeningSQL(write: false) { try ScreeningQueries(sql: $0).policy() }
  }
  public func setIsolationPolicy(_ p: IsolationPolicy) throws {
    try withScreeningSQL(write: true) { try ScreeningQueries(sql: $0).setPolicy(p) }
  }
}
