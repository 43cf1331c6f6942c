import WanggeCore

/// Real registries in and out: imports households, unit leaders, help cases and places as an
/// idempotent upsert (one transaction per run, rollups kept exact), and exports them back.
public protocol LedgerDesk: Sendable {
  /// Runs one import: `feed` hands every row to the ``RegistryImport`` it is given (reading the files
  /// as it goes). Nothing is written when `check` is set, when any row has a problem (reported by the
  /// import or by the feed through ``RegistryImport/reject(_:)``), or when `feed` throws. Rows must lie
  /// under `scope` when one is given. A written import clears the demo mark and is audited.
  func importLedger(
    scope: PlacePath?, check: Bool, operator: String, at: Instant,
    _ feed: (RegistryImport) throws -> Void
  ) throws -> ImportOutcome
  /// Every row of `kind` under `scope`, in place order (households by room order of entry), to `emit`.
  func exportLedger(_ kind: RegistryKind, scope: Place, _ emit: (RegistryRow) throws -> Void) throws
  /// The latest `limit` audit records, newest first.
  func auditTrail(limit: Int) throws -> [AuditEntry]
}

/// Added, changed and unchanged rows of one kind.
public struct ImportCounts: Hashable, Sendable {
  public var added = 0
  public var changed = 0
  public var unchanged = 0
  public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0) {
    self.added = added
    self.changed = changed
    self.unchanged = unchanged
  }
  /// Rows that changed the store.
  public var changes: Int { added + changed }
}

/// What an import did (or, with `check` or problems, would have done).
public struct ImportSummary: Hashable, Sendable {
  /// Per kind of row.
  public var counts: [RegistryKind: ImportCounts] = [:]
  /// Places created from path columns.
  public var placesCreated = 0
  public init() {}
  /// Rows that changed the store, all kinds, plus places created.
  public var changes: Int { counts.values.map(\.changes).reduce(0, +) + placesCreated }
  public var rows: Int { counts.values.map { $0.added + $0.changed + $0.unchanged }.reduce(0, +) }
}

/// A problem a row has with the store (outside the scope, a help case for a missing household…).
public struct ImportProblem: Hashable, Sendable {
  /// The file the row came from (as the feed named it).
  public var file: String
  /// The row as the spreadsheet shows it.
  public var row: Int
  /// The column (`-` for the whole row).
  public var column: String
  public var problem: String
  public var fix: String
  public init(file: String, row: Int, column: String, problem: String, fix: String) {
    self.file = file
    self.row = row
    self.column = column
    self.problem = problem
    self.fix = fix
  }
  /// `FILE:ROW:COLUMN: problem (fix)`.
  public var line: String { "\(file):\(row):\(column): \(problem) (\(fix))" }
}

/// The result of an import run.
public struct ImportOutcome: Sendable {
  public var summary: ImportSummary
  /// Problems with the store (the feed's own problems are the feed's to report).
  public var problems: [ImportProblem]
  /// True when the import was written.
  public var written: Bool
  public init(summary: ImportSummary, problems: [ImportProblem], written: Bool) {
    self.summary = summary
    self.problems = problems
    self.written = written
  }
}
