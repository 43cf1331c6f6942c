/// Something that happened in the grid, as reported by a unit leader, helper or station.
///
/// Every event carries an id; applying the same id twice changes nothing.
public struct GridEvent: Hashable, Sendable {
  /// Unique id chosen by the sender, e.g. `ack-2026-11-22-000123`.
  public var id: String
  /// When it happened.
  public var at: Instant
  public var kind: Kind

  public init(id: String, at: Instant, kind: Kind) {
    self.id = id
    self.at = at
    self.kind = kind
  }

  /// Where a unit is named: by id or by path.
  public enum UnitRef: Hashable, Sendable {
    case id(Int64)
    case path(PlacePath)
  }

  /// What happened.
  public enum Kind: Hashable, Sendable {
    /// The unit leader acknowledged the task (收到).
    case acknowledged(task: Int64, unit: UnitRef)
    /// The unit leader finished the task, with an optional result as JSON text.
    case finished(task: Int64, unit: UnitRef, result: String?)
    /// A help household was visited or checked, with how it went and the needs noted (an old event
    /// line without them is a visit that saw the household and noted nothing).
    case visited(household: Int64, outcome: VisitOutcome = .seen, needs: [VisitNeed] = [])
    /// The unit chat group was built.
    case groupBuilt(unit: UnitRef)
    /// A household became reachable (by group or by phone), or was marked unreached.
    case reached(household: Int64, via: Reachability)
    /// A help case's green channel was opened or closed.
    case greenChannel(household: Int64, open: Bool)
    /// An everyday change to the registry (leader, household, help case).
    case registry(RegistryChange)
    /// A screening or home-isolation event (arrivals, isolation cases and their checks).
    case screening(ScreeningEvent)
  }

  /// The `type` word of this event in JSON Lines.
  public var typeCode: String {
    switch kind {
    case .acknowledged: "ack"
    case .finished: "done"
    case .visited: "visit"
    case .groupBuilt: "group_built"
    case .reached: "reached"
    case .greenChannel: "green"
    case .registry(let c): c.typeCode
    case .screening(let e): e.typeCode
    }
  }
}
