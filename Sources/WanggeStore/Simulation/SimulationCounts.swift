/// How many events of each kind a ``Simulator`` sent, how the store took them, and how many tasks it issued.
public struct SimulationCounts: Hashable, Sendable, CustomStringConvertible {
  public var acknowledged = 0
  public var finished = 0
  public var visited = 0
  public var reached = 0
  public var groupsBuilt = 0
  /// Isolation checks and arrivals of people expected.
  public var checks = 0
  public var arrivals = 0
  /// Short `notice` tasks the simulator issued because nothing was left to acknowledge.
  public var tasksIssued = 0
  /// What the store did with the events (applied, duplicates, no effect).
  public var ingest = IngestSummary()

  public init() {}

  /// Events sent, of every kind.
  public var events: Int { acknowledged + finished + visited + reached + groupsBuilt + checks + arrivals }

  mutating func count(_ kind: SimulatedKind) {
    switch kind {
    case .ack: acknowledged += 1
    case .done: finished += 1
    case .visit: visited += 1
    case .reach: reached += 1
    case .group: groupsBuilt += 1
    case .check: checks += 1
    case .arrive: arrivals += 1
    }
  }

  /// The counts since `earlier` (for a summary per interval).
  public func since(_ earlier: SimulationCounts) -> SimulationCounts {
    var d = SimulationCounts()
    d.acknowledged = acknowledged - earlier.acknowledged
    d.finished = finished - earlier.finished
    d.visited = visited - earlier.visited
    d.reached = reached - earlier.reached
    d.groupsBuilt = groupsBuilt - earlier.groupsBuilt
    d.checks = checks - earlier.checks
    d.arrivals = arrivals - earlier.arrivals
    d.tasksIssued = tasksIssued - earlier.tasksIssued
    d.ingest = IngestSummary(
      applied: ingest.applied - earlier.ingest.applied,
      duplicates: ingest.duplicates - earlier.ingest.duplicates,
      noEffect: ingest.noEffect - earlier.ingest.noEffect)
    return d
  }

  /// One line without personal data, e.g. `ack 41 done 25 visit 15 reached 12 group 2 check 8 arrival 1 task 0
  /// (applied 104, no effect 0)`.
  public var description: String {
    "ack \(acknowledged) done \(finished) visit \(visited) reached \(reached) group \(groupsBuilt)"
      + " check \(checks) arrival \(arrivals) task \(tasksIssued)"
      + " (applied \(ingest.applied), no effect \(ingest.noEffect), duplicate \(ingest.duplicates))"
  }
}

/// The kinds of event the simulator sends, with how often a command station sees each.
public enum SimulatedKind: CaseIterable, Sendable {
  case ack, done, visit, reach, group, check, arrive

  /// Relative frequency: acknowledgements the most, then finishes, visits, households reached, groups built.
  public var weight: Int {
    switch self {
    case .ack: 40
    case .done: 25
    case .visit: 15
    case .reach: 13
    case .group: 7
    case .check: 8
    case .arrive: 2
    }
  }
}
