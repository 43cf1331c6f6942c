import WanggeCore

/// Incident reports up the chain (请示报告), spot checks (督查), supervision groups (督导组) and the
/// stations' scores: what the levels above a station use the board for.
public protocol ReportDesk: Store {
  /// Files a report (or an incident learnt another way) and hands it to the level above; judges 迟报.
  /// The event id makes it idempotent: the same id again changes nothing.
  func fileIncident(_ filing: IncidentFiling, rules: ReportRules) throws -> IncidentReport
  /// Acknowledges, passes up, adds progress, closes, or marks concealed (with evidence).
  func reportStep(_ step: ReportStepRequest, rules: ReportRules) throws -> IncidentReport
  /// Reports about places under `scope` filed or happened within `window` before `now`, newest first,
  /// with their marks judged at `now`.
  func incidents(under scope: Int64, at now: Instant, window: Span) throws -> [IncidentReport]
  /// One report with its chain of events (nil: no such report).
  func incident(id: Int64, at now: Instant) throws -> IncidentReport?
  /// Names the commander (指挥长) of a station; later reports are counted against this name.
  func setStationCommander(station: Int64, name: String, by operatorName: String, at: Instant) throws
  /// The 迟报 / 漏报 / 瞒报 counters per station and commander under `scope`, from the rollups
  /// (漏报 judged at `now`).
  func reportCounters(under scope: Int64, at now: Instant) throws -> [ReportCounter]
  /// The same counters over `since..<until` (the bulletin's week): 迟报 of the reports filed then, 漏报
  /// (judged at `until`) and 瞒报 of the incidents that happened then. A query over the period's rows.
  func reportCounters(under scope: Int64, since: Instant, until: Instant) throws -> [ReportCounter]

  /// Draws a reproducible weighted sample of households under the scope as a call list.
  func drawSpotCheck(_ draw: SpotCheckDraw) throws -> SpotCheckRound
  /// The calls of a round (phones masked), in draw order.
  func spotCheckCalls(round: Int64) throws -> [SpotCheckCall]
  /// Records the outcome and answers of one call; may open a report about the household.
  func recordCall(_ call: CallRecord) throws -> SpotCheckCall

  /// Creates a supervision group with its supervisors and contact cadence; returns its id.
  func addSupervisionGroup(name: String, supervisors: [String], cadence: Span, by: String, at: Instant) throws
    -> Int64
  /// Assigns communities (any places) to a group; their first contact is due one cadence later.
  func assignSupervision(group: Int64, places: [Int64], by: String, at: Instant) throws
  /// Records a contact of a group with a place; the next one is due a cadence later.
  func recordContact(id: String, group: Int64, place: Int64, note: String, by: String, at: Instant) throws
  /// Every group's assignments with their due times, overdue ones first.
  func supervision(at now: Instant) throws -> [SupervisionRow]

  /// The measured figures of each station under `scope` over `since..<until`.
  func stationFigures(under scope: Int64, since: Instant, until: Instant) throws -> [Int64: StationFigures]
}

/// A report as filed.
public struct IncidentFiling: Sendable, Hashable {
  public var eventID: String
  public var kind: IncidentKind
  public var severity: IncidentSeverity
  /// Where it happened: a place (unit or above) and optionally one of its households.
  public var placeID: Int64
  public var householdID: Int64?
  public var text: String
  public var happenedAt: Instant
  public var filedAt: Instant
  public var operatorName: String
  public var source: IncidentSource
  /// The level that files it (nil: the station above the place, or the place itself above stations).
  public var fromID: Int64?
  /// An incident learnt another way that this station report covers (it is then not 漏报).
  public var covers: Int64?
  public init(
    eventID: String, kind: IncidentKind, severity: IncidentSeverity, placeID: Int64,
    householdID: Int64? = nil,
    text: String, happenedAt: Instant, filedAt: Instant, operatorName: String,
    source: IncidentSource = .station,
    fromID: Int64? = nil, covers: Int64? = nil
  ) {
    self.eventID = eventID
    self.kind = kind
    self.severity = severity
    self.placeID = placeID
    self.householdID = householdID
    self.text = text
    self.happenedAt = happenedAt
    self.filedAt = filedAt
    self.operatorName = operatorName
    self.source = source
    self.fromID = fromID
    self.covers = covers
  }
}

/// A later step of a report.
public struct ReportStepRequest: Sendable, Hashable {
  public var eventID: String
  public var reportID: Int64
  public var step: ReportStep
  public var note: String
  public var at: Instant
  public var operatorName: String
  public init(
    eventID: String, reportID: Int64, step: ReportStep, note: String = "", at: Instant, operatorName: String
  ) {
    self.eventID = eventID
    self.reportID = reportID
    self.step = step
    self.note = note
    self.at = at
    self.operatorName = operatorName
  }
}

/// One event of a report's chain.
public struct ReportChainEvent: Sendable, Hashable, Codable {
  public var id: String
  public var step: ReportStep
  public var at: Instant
  public var operatorName: String
  /// The level the step happened at (the holder acknowledging, the level it was passed to…).
  public var levelID: Int64
  public var note: String
  /// For an acknowledgement: it came after the window.
  public var late: Bool
}

/// A report as the list, the board and JSON show it.
public struct IncidentReport: Sendable, Hashable, Codable {
  public var id: Int64
  public var kind: IncidentKind
  public var severity: IncidentSeverity
  public var source: IncidentSource
  public var placeID: Int64
  public var householdID: Int64?
  public var stationID: Int64?
  public var commander: String
  public var fromID: Int64
  public var text: String
  public var happenedAt: Instant
  public var filedAt: Instant
  public var phase: ReportPhase
  /// The level that holds it now (must acknowledge while `phase` is awaiting).
  public var holderID: Int64
  /// When the pending acknowledgement is due (nil once acknowledged or closed).
  public var ackDue: Instant?
  /// The last time anything happened to it (for staleness).
  public var lastAt: Instant
  public var coveredBy: Int64?
  public var evidence: String
  public var marks: ReportMarks
  public var chain: [ReportChainEvent]
}

/// The 迟报 / 漏报 / 瞒报 counters of one station and commander.
public struct ReportCounter: Sendable, Hashable, Codable {
  public var stationID: Int64
  public var commander: String
  public var filed: Int
  public var late: Int
  public var ackLate: Int
  public var missed: Int
  public var concealed: Int
  public init(
    stationID: Int64, commander: String, filed: Int, late: Int, ackLate: Int, missed: Int, concealed: Int
  ) {
    self.stationID = stationID
    self.commander = commander
    self.filed = filed
    self.late = late
    self.ackLate = ackLate
    self.missed = missed
    self.concealed = concealed
  }
}

/// A spot-check draw as asked for.
public struct SpotCheckDraw: Sendable, Hashable {
  public var scopeID: Int64
  public var households: Int
  public var seed: UInt64
  public var operatorName: String
  public var at: Instant
  public var weights: [SpotCheckReason: Double]
  public init(
    scopeID: Int64, households: Int, seed: UInt64, operatorName: String, at: Instant,
    weights: [SpotCheckReason: Double] = SpotCheckWeights.weights
  ) {
    self.scopeID = scopeID
    self.households = households
    self.seed = seed
    self.operatorName = operatorName
    self.at = at
    self.weights = weights
  }
}

/// A drawn round and its call list.
public struct SpotCheckRound: Sendable, Hashable, Codable {
  public var id: Int64
  public var scopeID: Int64
  public var seed: UInt64
  public var drawnAt: Instant
  public var calls: [SpotCheckCall]
}

/// One call of a round: the household (phone masked), why it was likelier to be drawn, the outcome.
public struct SpotCheckCall: Sendable, Hashable, Codable {
  public var roundID: Int64
  public var position: Int
  public var householdID: Int64
  public var stationID: Int64?
  public var room: String
  public var maskedPhone: String
  public var reasons: [SpotCheckReason]
  public var outcome: CallOutcome?
  public var answers: CallAnswers
  public var calledAt: Instant?
  public var reportID: Int64?
}

/// A call's result as recorded.
public struct CallRecord: Sendable, Hashable {
  public var roundID: Int64
  public var householdID: Int64
  public var outcome: CallOutcome
  public var answers: CallAnswers
  public var operatorName: String
  public var at: Instant
  /// Opens a report about this household from what the call found (source spot check).
  public var opens: IncidentFiling?
  /// The rules the opened report is judged by.
  public var rules: ReportRules = .standard
  public init(
    roundID: Int64, householdID: Int64, outcome: CallOutcome, answers: CallAnswers = CallAnswers(),
    operatorName: String, at: Instant, opens: IncidentFiling? = nil
  ) {
    self.roundID = roundID
    self.householdID = householdID
    self.outcome = outcome
    self.answers = answers
    self.operatorName = operatorName
    self.at = at
    self.opens = opens
  }
}

/// One supervision group's assignment to a place.
public struct SupervisionRow: Sendable, Hashable, Codable {
  public var groupID: Int64
  public var groupName: String
  public var supervisors: [String]
  public var placeID: Int64
  public var cadence: Span
  public var lastContact: Instant?
  public var dueAt: Instant
  public var overdue: Bool
}

/// What a person can get wrong with a report, a call or a group: the field and the fix.
public enum ReportDeskError: Error, Sendable, Equatable, CustomStringConvertible {
  case unknownReport(Int64)
  case unknownPlace(Int64)
  case unknownHousehold(Int64)
  case unknownRound(Int64)
  case unknownGroup(Int64)
  case notInRound(round: Int64, household: Int64)
  case alreadyRecorded(round: Int64, household: Int64)
  case refused(String)
  case conflict(String)
  case outOfBounds(String)

  public var description: String {
    switch self {
    case .unknownReport(let id): "no report \(id); list them with: wangge incident list"
    case .unknownPlace(let id): "no place \(id); give a place path that exists (wangge report shows them)"
    case .unknownHousehold(let id): "no household \(id) under that place; check --household"
    case .unknownRound(let id): "no spot-check round \(id); draw one with: wangge spotcheck draw"
    case .unknownGroup(let id): "no supervision group \(id); list them with: wangge supervise list"
    case .notInRound(let r, let h):
      "household \(h) is not in spot-check round \(r); see wangge spotcheck list --round \(r)"
    case .alreadyRecorded(let r, let h): "the call to household \(h) in round \(r) is already recorded"
    case .refused(let why): why
    case .conflict(let why): why
    case .outOfBounds(let why): why
    }
  }
}
