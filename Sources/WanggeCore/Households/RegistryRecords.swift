import Foundation

/// A household of a station's registry (台账) as a ledger file and the store both hold it: validated,
/// keyed by unit path and room.
public struct RegistryHousehold: Hashable, Sendable {
  /// The unit's path below the root.
  public var path: PlacePath
  public var room: String
  public var headName: String
  /// Personal data: never logged.
  public var phone: String
  public var people: Int
  public var flags: VulnerabilityFlags
  /// Nil: the file does not say (an existing household keeps its reach; a new one is not reached).
  public var reach: Reachability?
  public init(
    path: PlacePath, room: String, headName: String, phone: String, people: Int, flags: VulnerabilityFlags,
    reach: Reachability?
  ) {
    self.path = path
    self.room = room
    self.headName = headName
    self.phone = phone
    self.people = people
    self.flags = flags
    self.reach = reach
  }
}

/// A unit leader and the unit led, as a ledger file and the store both hold it (keyed by unit path and
/// phone).
public struct RegistryLeader: Hashable, Sendable {
  public var path: PlacePath
  public var name: String
  /// Personal data: never logged.
  public var phone: String
  public var department: String
  public var squad: String
  public var squadLeader: String
  public var home: String
  public init(
    path: PlacePath, name: String, phone: String, department: String, squad: String, squadLeader: String,
    home: String
  ) {
    self.path = path
    self.name = name
    self.phone = phone
    self.department = department
    self.squad = squad
    self.squadLeader = squadLeader
    self.home = home
  }
}

/// A help case of a household, as a ledger file and the store both hold it (keyed by unit path and room;
/// the household must exist).
public struct RegistryHelpCase: Hashable, Sendable {
  public var path: PlacePath
  public var room: String
  /// When not empty, checked against the household's head.
  public var headName: String
  public var mode: ServiceMode
  public var helper: String
  public var cadence: Span
  public var needs: String
  public var greenChannel: Bool
  public var lastVisit: Instant?
  /// Nil: the import's time for a new case; an existing case keeps its own.
  public var openedAt: Instant?
  public init(
    path: PlacePath, room: String, headName: String, mode: ServiceMode, helper: String, cadence: Span,
    needs: String, greenChannel: Bool, lastVisit: Instant?, openedAt: Instant?
  ) {
    self.path = path
    self.room = room
    self.headName = headName
    self.mode = mode
    self.helper = helper
    self.cadence = cadence
    self.needs = needs
    self.greenChannel = greenChannel
    self.lastVisit = lastVisit
    self.openedAt = openedAt
  }
}
