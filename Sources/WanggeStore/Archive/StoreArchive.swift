/// A store that hands out every row it holds, table by table, for `wangge copy` (any engine to any
/// engine). The rows are read in one consistent snapshot and streamed: memory stays constant.
public protocol StoreArchive {
  /// Streams every table of ``StoreTables/all`` into `sink`, one table after another (a stream is
  /// finished before the next table is opened). Returns the rows streamed.
  @discardableResult func exportTables(into sink: any TableSink) throws -> Int
}

/// The tables of the store contract, in the order a copy streams them: the same names and columns in
/// every engine. Rollups are copied as they are (`verify` on the target recounts them).
public enum StoreTables {
  /// Every table that holds the store's data (engines' bookkeeping tables, such as migration
  /// ledgers, are not part of it).
  public static let all =
    [
      "meta", "level", "place", "department", "squad", "leader", "unit", "household", "help_case",
      "volunteer", "task", "assignment", "visit", "event", "place_stats", "task_tally", "help_due",
      "level_count", "audit", "reminder", "help_due_hour", "task_sequence",
      "census_check", "census_unit", "census_day",
      "baseline", "baseline_figure", "decision", "duty_post", "duty_sign",
    ] + DutyRollupBook.tableNames + screening + OrderSchema.tableNames + ReportSchema.tables + VisitSchema.tableNames

  /// The screening tables (results, returnees, arrivals, isolation cases and checks, their rollups).
  public static let screening = [
    "screening_result", "returnee", "arrival", "isolation_case", "isolation_check", "screening_tally",
    "isolation_stats", "isolation_due", "isolation_due_hour", "isolation_day", "screening_group_tally",
  ]
}
