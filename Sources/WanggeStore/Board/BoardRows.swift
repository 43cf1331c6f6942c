import WanggeCore

/// A unit as its command station sees it: leader, coverage and the current task's assignment.
public struct StationUnitRow: Sendable, Hashable {
  public var unitID: Int64
  /// The unit's names below the station, e.g. ["12号楼", "3单元"].
  public var label: [String]
  public var leaderName: String
  public var department: String
  /// The leader's phone number; personal data, mask it on screen (`PhoneMask`).
  public var leaderPhone: String
  public var groupBuilt: Bool
  public var households: Int
  public var reached: Int
  /// The latest task in the window that was assigned to this unit, with its assignment.
  public var currentTask: TaskAssignmentRow?
  public init(
    unitID: Int64, label: [String], leaderName: String, department: String, leaderPhone: String,
    groupBuilt: Bool, households: Int, reached: Int, currentTask: TaskAssignmentRow? = nil
  ) {
    self.unitID = unitID
    self.label = label
    self.leaderName = leaderName
    self.department = department
    self.leaderPhone = leaderPhone
    self.groupBuilt = groupBuilt
    self.households = households
    self.reached = reached
    self.currentTask = currentTask
  }
}

/// One assignment with the task it belongs to.
public struct TaskAssignmentRow: Sendable, Hashable {
  public var taskID: Int64
  public var title: String
  public var type: String
  public var deadlines: Deadlines
  public var assignment: Assignment
  public init(taskID: Int64, title: String, type: String, deadlines: Deadlines, assignment: Assignment) {
    self.taskID = taskID
    self.title = title
    self.type = type
    self.deadlines = deadlines
    self.assignment = assignment
  }
}

/// A help case with its household, for the station panel and the help view.
public struct HelpCaseRow: Sendable, Hashable {
  public var helpCase: HelpCase
  public var unitID: Int64
  /// The unit's compound, building and unit names, e.g. ["水映花城小区", "12号楼", "3单元"].
  public var unitLabel: [String]
  public var room: String
  public var headName: String
  /// Personal data: mask on screen.
  public var phone: String
  public var flags: VulnerabilityFlags
  /// The last visit attempt (its outcome and the needs noted), nil when none has an outcome stored.
  public var lastNote: VisitNote?
  public init(
    helpCase: HelpCase, unitID: Int64, unitLabel: [String], room: String, headName: String, phone: String,
    flags: VulnerabilityFlags, lastNote: VisitNote? = nil
  ) {
    self.helpCase = helpCase
    self.unitID = unitID
    self.unitLabel = unitLabel
    self.room = room
    self.headName = headName
    self.phone = phone
    self.flags = flags
    self.lastNote = lastNote
  }
}

/// Which help cases the help view lists.
public struct HelpFilter: Sendable, Hashable {
  /// Only cases whose household has all of these flags (empty: any).
  public var flags: VulnerabilityFlags
  /// Only this service mode (nil: any).
  public var mode: ServiceMode?
  public init(flags: VulnerabilityFlags = [], mode: ServiceMode? = nil) {
    self.flags = flags
    self.mode = mode
  }
}

/// A page of help cases and how many match in all.
public struct HelpCasePage: Sendable, Hashable {
  public var rows: [HelpCaseRow]
  public var total: Int
  public init(rows: [HelpCaseRow], total: Int) {
    self.rows = rows
    self.total = total
  }
}

/// A unit leader's record over the tasks in the window, for the leader view.
public struct LeaderRow: Sendable, Hashable {
  public var leaderID: Int64
  public var name: String
  public var department: String
  public var squad: String?
  public var units: Int
  public var tally: TaskTally
  /// Acknowledgements and finishes overdue now.
  public var overdueNow: Int
  /// One unit the leader holds (the lowest id), which the board opens from the leader's row.
  public var unitID: Int64?
  public init(
    leaderID: Int64, name: String, department: String, squad: String? = nil, units: Int, tally: TaskTally,
    overdueNow: Int, unitID: Int64? = nil
  ) {
    self.unitID = unitID
    self.leaderID = leaderID
    self.name = name
    self.department = department
    self.squad = squad
    self.units = units
    self.tally = tally
    self.overdueNow = overdueNow
  }
  /// Acknowledged on time ÷ assigned; nil without assignments.
  public var onTimeRate: Double? {
    tally.assigned == 0 ? nil : Double(tally.acknowledgedOnTime) / Double(tally.assigned)
  }
}

/// Leaders in a scope, or why they are not listed (a scope too large to list leader by leader).
public struct LeaderPage: Sendable, Hashable {
  public var rows: [LeaderRow]
  /// Units in the scope; when above the listing limit `rows` is empty.
  public var unitsInScope: Int
  public var limit: Int
  public init(rows: [LeaderRow], unitsInScope: Int, limit: Int) {
    self.rows = rows
    self.unitsInScope = unitsInScope
    self.limit = limit
  }
  public var isTooLarge: Bool { unitsInScope > limit }
}

/// A household of a unit, for the unit view.
public struct HouseholdRow: Sendable, Hashable {
  public var household: Household
  public var helpCase: HelpCase?
  public init(household: Household, helpCase: HelpCase? = nil) {
    self.household = household
    self.helpCase = helpCase
  }
}

extension LeaderRow {
  /// Counts one of the leader's assignments into the tally, and as overdue when it is overdue at `now`
  /// (every engine builds the leaders view this way).
  public mutating func count(_ assignment: Assignment, deadlines: Deadlines, at now: Instant) {
    tally.count(assignment, deadlines: deadlines)
    if assignment.state(at: now, deadlines: deadlines).isOverdue { overdueNow += 1 }
  }
}
