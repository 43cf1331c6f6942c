import WanggeCore

/// A household row of a ledger, validated.
public struct HouseholdRow: Hashable, Sendable {
  /// The place path of the unit, from the file's first level column.
  public var path: PlacePath
  public var room: String
  public var headName: String
  /// Normalised (see `PhoneValue`). Personal data.
  public var phone: String
  public var people: Int
  public var flags: VulnerabilityFlags
  /// Nil when the file has no 对接 column.
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

/// A unit leader row of a ledger (one unit led), validated.
public struct LeaderRow: Hashable, Sendable {
  /// The place path of the unit led.
  public var path: PlacePath
  public var name: String
  /// Normalised (see `PhoneValue`). Personal data.
  public var phone: String
  public var department: String
  /// Empty when not given.
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

/// A help case row of a ledger, validated.
public struct HelpCaseRow: Hashable, Sendable {
  /// The place path of the household's unit.
  public var path: PlacePath
  public var room: String
  /// The head's name when the file gives it (a check against the household ledger); empty otherwise.
  public var headName: String
  public var mode: ServiceMode
  public var helper: String
  public var cadence: Span
  public var needs: String
  public var greenChannel: Bool
  public var lastVisit: Instant?
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

/// A place row of a ledger: the path of a place to exist (trailing levels may be left empty).
public struct PlaceRow: Hashable, Sendable {
  public var path: PlacePath
  public init(path: PlacePath) { self.path = path }
}

/// One validated row of any kind of ledger.
public enum LedgerRow: Hashable, Sendable {
  case household(HouseholdRow)
  case leader(LeaderRow)
  case help(HelpCaseRow)
  case place(PlaceRow)

  /// The place path the row names.
  public var path: PlacePath {
    switch self {
    case .household(let r): r.path
    case .leader(let r): r.path
    case .help(let r): r.path
    case .place(let r): r.path
    }
  }
}

/// A validated row with the spreadsheet row it came from.
public struct LedgerRecord: Hashable, Sendable {
  /// The row as the spreadsheet shows it.
  public var rowNumber: Int
  public var row: LedgerRow
  /// The cells as read (so a row the store refuses can go to an errors file as it was).
  public var cells: [String]
  public init(rowNumber: Int, row: LedgerRow, cells: [String] = []) {
    self.rowNumber = rowNumber
    self.row = row
    self.cells = cells
  }

  /// The row as read, refused for `problems` (found against the store).
  public func rejected(_ problems: [LedgerProblem]) -> RejectedRow {
    RejectedRow(raw: RawSheetRow(number: rowNumber, cells: cells), problems: problems)
  }
}
