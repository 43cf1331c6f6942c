import WanggeCore

/// A stored household, as the registry import compares it.
public struct StoredHousehold: Hashable, Sendable {
  public var id: Int64
  public var room: String
  public var headName: String
  public var phone: String
  public var people: Int
  public var reach: Reachability
  public var flags: VulnerabilityFlags
  public init(
    id: Int64, room: String, headName: String, phone: String, people: Int, reach: Reachability,
    flags: VulnerabilityFlags
  ) {
    self.id = id
    self.room = room
    self.headName = headName
    self.phone = phone
    self.people = people
    self.reach = reach
    self.flags = flags
  }
}

/// A stored leader with the names of their department and squad.
public struct StoredLeader: Hashable, Sendable {
  public var id: Int64
  public var name: String
  public var phone: String
  public var department: String
  public var squad: String
  public var squadLeader: String
  public var home: String
  public init(
    id: Int64, name: String, phone: String, department: String, squad: String, squadLeader: String,
    home: String
  ) {
    self.id = id
    self.name = name
    self.phone = phone
    self.department = department
    self.squad = squad
    self.squadLeader = squadLeader
    self.home = home
  }
}

/// A stored help case (times in epoch seconds, cadence in seconds).
public struct StoredHelpCase: Hashable, Sendable {
  public var householdID: Int64
  public var mode: ServiceMode
  public var helper: String
  public var cadence: Int64
  public var lastVisit: Int64?
  public var openedAt: Int64
  public var green: Bool
  public var needs: String
  public init(
    householdID: Int64, mode: ServiceMode, helper: String, cadence: Int64, lastVisit: Int64?, openedAt: Int64,
    green: Bool, needs: String
  ) {
    self.householdID = householdID
    self.mode = mode
    self.helper = helper
    self.cadence = cadence
    self.lastVisit = lastVisit
    self.openedAt = openedAt
    self.green = green
    self.needs = needs
  }
  /// When the next visit is due (the `help_due` rollup).
  public var dueAt: Int64 { (lastVisit ?? openedAt) + cadence }
}

/// What registry changes add to the per-place counters (`place_stats`).
extension PlaceStats {
  /// The counters one household adds.
  public static func household(people: Int, reach: Reachability) -> PlaceStats {
    var s = PlaceStats()
    s.households = 1
    s.people = Int64(people)
    s.reachedGroup = reach == .inGroup ? 1 : 0
    s.reachedPhone = reach == .phoneOnly ? 1 : 0
    return s
  }
  /// The same change, undone.
  public static prefix func - (s: PlaceStats) -> PlaceStats { PlaceStats(values: s.values.map { -$0 }) }
}

/// The rows an engine reads and writes for a registry import or export, inside one transaction
/// (each engine implements it on its own connection; ``RegistryImport`` holds the rules).
public protocol RegistryAccess: AnyObject {
  func levels() throws -> LevelChain
  func rootID() throws -> Int64
  func child(of parent: Int64, named name: String) throws -> Int64?
  /// Children in id order.
  func children(of parent: Int64) throws -> [(id: Int64, name: String)]
  /// Inserts a place and its zero `place_stats` row (stations 1 for a station); returns its id.
  func createPlace(parent: Int64, depth: Int, name: String, station: Bool) throws -> Int64
  /// The place itself, then its parent, up to the root.
  func chain(of place: Int64) throws -> [Int64]

  /// The unit's households in id order.
  func households(ofUnit unit: Int64) throws -> [StoredHousehold]
  func insertHousehold(
    unit: Int64, room: String, headName: String, phone: String, people: Int,
    reach: Reachability, flags: VulnerabilityFlags
  ) throws -> Int64
  func updateHousehold(_ h: StoredHousehold) throws
  /// The household and its unit, or nil when there is none with this id.
  func household(id: Int64) throws -> (unit: Int64, household: StoredHousehold)?
  /// Removes the household row (its help case is removed first by the caller).
  func deleteHousehold(id: Int64) throws
  /// The census rules' access on the same transaction (a move-out forgets the household's check).
  var census: any CensusAccess { get }

  func leader(phone: String) throws -> StoredLeader?
  func leader(id: Int64) throws -> StoredLeader?
  /// Inserts the leader (creating the department and squad by name when missing); returns its id.
  func insertLeader(_ l: RegistryLeader) throws -> Int64
  /// Rewrites the leader's fields (department and squad by name).
  func updateLeader(id: Int64, _ l: RegistryLeader) throws
  /// The leader of the unit, or nil when the unit has no unit row yet.
  func unitLeader(_ unit: Int64) throws -> Int64?
  /// Creates the unit row or changes its leader.
  func setUnitLeader(_ unit: Int64, leader: Int64, create: Bool) throws
  func unitsLed(by leader: Int64) throws -> [Int64]

  func helpCase(household: Int64) throws -> StoredHelpCase?
  /// Inserts or replaces the help case.
  func putHelpCase(_ c: StoredHelpCase, create: Bool) throws
  /// Removes the household's help case row.
  func deleteHelpCase(household: Int64) throws
  /// Moves the case's `help_due` rows (one per place of `chain`) and `help_due_hour` counts from `old`
  /// to `new` (nil: no row).
  func moveHelpDue(household: Int64, chain: [Int64], old: Int64?, new: Int64?) throws

  /// Adds the deltas to `place_stats`.
  func addStats(_ deltas: [Int64: PlaceStats]) throws
  /// Adds to `level_count` (place, depth) → count, creating rows.
  func addLevelCounts(_ deltas: [PlaceDepth: Int64]) throws
  func clearDemoMark() throws
  func audit(operator: String, at: Instant, action: String, scope: Int64?, detail: String) throws
}

/// A (place, depth) key of `level_count`.
public struct PlaceDepth: Hashable, Sendable, Comparable {
  public var place: Int64
  public var depth: Int
  public init(place: Int64, depth: Int) {
    self.place = place
    self.depth = depth
  }
  public static func < (a: PlaceDepth, b: PlaceDepth) -> Bool { (a.place, a.depth) < (b.place, b.depth) }
}
