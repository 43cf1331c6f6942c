import Foundation
import WanggeCore
import WanggeSQLite
import WanggeStore

/// A store that forwards to a real one and, once armed, lets another connection commit right after the
/// next figures read: a commit landing between a board's load and whatever it reads next.
final class RacingStore: BoardSource, TaskDesk, @unchecked Sendable {
  let base: SQLiteStore
  private let lock = NSLock()
  private var race: (() throws -> Void)?

  init(_ base: SQLiteStore) { self.base = base }

  /// `commit` runs once, after the next read of figures returns.
  func arm(_ commit: @escaping () throws -> Void) {
    lock.lock()
    race = commit
    lock.unlock()
  }

  private func afterRead() throws {
    lock.lock()
    let commit = race
    race = nil
    lock.unlock()
    try commit?()
  }

  func levels() throws -> LevelChain { try base.levels() }
  func root() throws -> Place { try base.root() }
  func place(id: Int64) throws -> Place? { try base.place(id: id) }
  func resolve(_ path: PlacePath) throws -> Place { try base.resolve(path) }
  func path(of id: Int64) throws -> PlacePath { try base.path(of: id) }
  func children(of id: Int64) throws -> [Place] { try base.children(of: id) }
  func figures(for ids: [Int64], at now: Instant, window: Span) throws -> [Int64: PlaceFigures] {
    defer { try? afterRead() }
    return try base.figures(for: ids, at: now, window: window)
  }
  func figures(for ids: [Int64], at now: Instant, window: Span, skippingHelpOverdue skip: Set<Int64>) throws
    -> [Int64: PlaceFigures]
  {
    defer { try? afterRead() }
    return try base.figures(for: ids, at: now, window: window, skippingHelpOverdue: skip)
  }
  func scopeFigures(_ scope: Place, at now: Instant, window: Span) throws -> ScopeFigures {
    defer { try? afterRead() }
    return try base.scopeFigures(scope, at: now, window: window)
  }
  func placeReport(_ scope: Place, at now: Instant, window: Span) throws -> PlaceReport {
    try base.placeReport(scope, at: now, window: window)
  }
  func taskCount(issuedIn window: Span, before now: Instant) throws -> Int {
    try base.taskCount(issuedIn: window, before: now)
  }
  func levelCounts(under id: Int64) throws -> [Int: Int] { try base.levelCounts(under: id) }
  func ingest(_ events: [GridEvent], recordedAt: Instant, source: String) throws -> IngestSummary {
    try base.ingest(events, recordedAt: recordedAt, source: source)
  }
  func verify() throws -> [RollupMismatch] { try base.verify() }
  func boundViolations() throws -> [BoundViolation] { try base.boundViolations() }
  /// While set, every read fails (its first step, the change token, throws): a server still starting.
  var refusesReads = false
  func changeToken() throws -> Int64 {
    if refusesReads { throw StoreError.notAStore(path: "test", reason: "the server is starting") }
    return try base.changeToken()
  }
  func readingTogether<T>(_ body: () throws -> T) throws -> T { try base.readingTogether(body) }
  func stationUnits(under station: Int64, at now: Instant, window: Span) throws -> [StationUnitRow] {
    try base.stationUnits(under: station, at: now, window: window)
  }
  func helpCases(under scope: Int64, filter: HelpFilter, limit: Int) throws -> HelpCasePage {
    try base.helpCases(under: scope, filter: filter, limit: limit)
  }
  func overdueAssignments(of task: Int64, at now: Instant, limit: Int) throws -> [AssignmentDetail] {
    try base.overdueAssignments(of: task, at: now, limit: limit)
  }
  func urgentHelp(under scope: Int64, at now: Instant, green: Int, late: Int) throws -> [HelpCaseRow] {
    try base.urgentHelp(under: scope, at: now, green: green, late: late)
  }
  func leaders(under scope: Int64, at now: Instant, window: Span, limit: Int) throws -> LeaderPage {
    try base.leaders(under: scope, at: now, window: window, limit: limit)
  }
  func households(ofUnit unit: Int64) throws -> [HouseholdRow] { try base.households(ofUnit: unit) }
  func responseHistory(of place: Int64, at now: Instant, window: Span, hours: Int) throws -> [Double?] {
    try base.responseHistory(of: place, at: now, window: window, hours: hours)
  }
  func fanOut(of scope: Int64) throws -> FanOut { try base.fanOut(of: scope) }
  func dispatch(_ request: DispatchRequest) throws -> DispatchReceipt { try base.dispatch(request) }
  func withdraw(task: Int64, operator: String, at now: Instant) throws {
    try base.withdraw(task: task, operator: `operator`, at: now)
  }
  func tasks(in scope: Int64, at now: Instant, window: Span) throws -> [TaskSummary] {
    try base.tasks(in: scope, at: now, window: window)
  }
  func assignments(of task: Int64, under scope: Int64, at now: Instant, limit: Int) throws
    -> [AssignmentDetail]
  {
    try base.assignments(of: task, under: scope, at: now, limit: limit)
  }
  func remind(task: Int64, under scope: Int64, operator: String, at now: Instant) throws -> Int {
    try base.remind(task: task, under: scope, operator: `operator`, at: now)
  }
  func lastReminder(task: Int64, under scope: Int64) throws -> Instant? {
    try base.lastReminder(task: task, under: scope)
  }
  func rankings(
    by dimension: RankingDimension, task: Int64?, under scope: Int64, at now: Instant, window: Span
  )
    throws -> [RankingRow]
  {
    try base.rankings(by: dimension, task: task, under: scope, at: now, window: window)
  }
}
