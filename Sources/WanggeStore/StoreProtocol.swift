import WanggeCore

/// Everything above the storage layer talks to a `Store`; SQLite today, PostgreSQL later.
public protocol Store: Sendable {
  /// The grid's level names, root first.
  func levels() throws -> LevelChain
  /// The root place (the city or district).
  func root() throws -> Place
  func place(id: Int64) throws -> Place?
  /// Finds a place by path; the root's own name may lead the path. Throws ``StoreError/unknownPlace``.
  func resolve(_ path: PlacePath) throws -> Place
  /// The path from below the root down to `id`.
  func path(of id: Int64) throws -> PlacePath
  /// Children ordered by id (the order they were created in).
  func children(of id: Int64) throws -> [Place]
  /// Figures for each place in `ids`, counting tasks issued in `window` before `now`, judged at `now`.
  /// Costs O(ids × tasks in window), never O(households or events).
  func figures(for ids: [Int64], at now: Instant, window: Span) throws -> [Int64: PlaceFigures]
  /// The figures of `scope` and of each child, with the scope's overdue visits summed from its
  /// children (what the board's overview re-reads on every change).
  func scopeFigures(_ scope: Place, at now: Instant, window: Span) throws -> ScopeFigures
  /// `wangge report` for `scope`: its figures and each child's, level counts and tasks in window.
  func placeReport(_ scope: Place, at now: Instant, window: Span) throws -> PlaceReport
  /// How many tasks were issued within `window` before `now`.
  func taskCount(issuedIn window: Span, before now: Instant) throws -> Int
  /// How many places of each deeper level lie under `id` (depth → count).
  func levelCounts(under id: Int64) throws -> [Int: Int]
  /// Applies `events` in one transaction, all or nothing. Events already applied are skipped.
  /// Throws ``StoreError/rejected`` listing every event (by index) that cannot be applied.
  /// `source` names who sent them (an operator, `ingest:FILE`, `sim`); it is recorded with each event.
  func ingest(_ events: [GridEvent], recordedAt: Instant, source: String) throws -> IngestSummary
  /// Recomputes every rollup from the raw rows and lists the differences (empty when all agree).
  func verify() throws -> [RollupMismatch]
  /// Stored values outside `InputBounds` (an absurd window, a time outside 2000–2100…), by row.
  func boundViolations() throws -> [BoundViolation]
  /// A number that changes whenever any process commits a change to the store.
  func changeToken() throws -> Int64
  /// Runs `body` with every read this thread makes of the store inside one read transaction: one
  /// snapshot (a commit landing meanwhile shows in the next call), one transaction's cost instead of
  /// one per read. What the board does for each screen it loads. `body` only reads: a write through
  /// this store inside it is refused with ``StoreError/writeFailed``; a nested call joins the outer one.
  func readingTogether<T>(_ body: () throws -> T) throws -> T
}

extension Store {
  /// ``ingest(_:recordedAt:source:)`` with the source `api` (tests and library callers).
  public func ingest(_ events: [GridEvent], recordedAt: Instant) throws -> IngestSummary {
    try ingest(events, recordedAt: recordedAt, source: "api")
  }
}

/// What one ingest batch did.
public struct IngestSummary: Hashable, Sendable {
  /// Events applied for the first time.
  public var applied = 0
  /// Events whose id was already in the store (nothing changed).
  public var duplicates = 0
  /// New events that changed nothing (e.g. a second acknowledgement of the same assignment).
  public var noEffect = 0
  public init(applied: Int = 0, duplicates: Int = 0, noEffect: Int = 0) {
    self.applied = applied
    self.duplicates = duplicates
    self.noEffect = noEffect
  }
  public mutating func add(_ o: IngestSummary) {
    applied += o.applied
    duplicates += o.duplicates
    noEffect += o.noEffect
  }
}

/// One rollup value that disagrees with a recount from the raw rows.
public struct RollupMismatch: Hashable, Sendable, CustomStringConvertible {
  public var table: String
  public var key: String
  public var field: String
  public var stored: Int64
  public var recounted: Int64
  public init(table: String, key: String, field: String, stored: Int64, recounted: Int64) {
    self.table = table
    self.key = key
    self.field = field
    self.stored = stored
    self.recounted = recounted
  }
  public var description: String {
    "\(table) \(key) \(field): stored \(stored), recounted \(recounted)"
  }
}

/// Errors a person can cause or fix, each with a message that says what to do.
public enum StoreError: Error, Equatable, CustomStringConvertible {
  /// No place has this path; `suggestion` names the closest existing prefix.
  case unknownPlace(path: String, suggestion: String)
  /// Some events of a batch cannot be applied; nothing of the batch was written.
  case rejected([EventRejection])
  /// The store file is missing, unreadable or not a Wangge store.
  case notAStore(path: String, reason: String)
  /// The store already exists and would be replaced.
  case exists(path: String)
  /// The store was written by a newer binary (unknown migration or higher `user_version`).
  case newerSchema(path: String, reason: String)
  /// A write could not be made (busy past the timeout, disk full, read-only file); nothing of it was written.
  case writeFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .unknownPlace(let path, let suggestion):
      return "unknown place \"\(path)\"; \(suggestion)"
    case .rejected(let list):
      return list.map { "event \($0.index + 1): \($0.problem.field): \($0.problem.problem)" }
        .joined(separator: "\n")
    case .notAStore(let path, let reason):
      return "\(path): \(reason)"
    case .exists(let path):
      return "\(path) already exists; pass --force to replace it"
    case .newerSchema(let path, let reason), .writeFailed(let path, let reason):
      return "\(path): \(reason)"
    }
  }
}

/// An event of a batch that cannot be applied, by its position in the batch.
public struct EventRejection: Equatable, Sendable {
  public var index: Int
  public var problem: FieldProblem
  public init(index: Int, problem: FieldProblem) {
    self.index = index
    self.problem = problem
  }
}
