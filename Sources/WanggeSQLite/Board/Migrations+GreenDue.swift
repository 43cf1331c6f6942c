extension Migrations {
  /// v18-green-due: the green-channel help cases in due order (a case's due time is its last visit, or its
  /// opening, plus its cadence: `help_due.due_at` at every place), so that the action queue's first green
  /// channels under a large scope are read in order and the read stops at its limit
  /// (``SQLiteStore/urgentHelp``); it replaces v17's `help_case_green`, which gave them in household order.
  static let greenDueV18 = """
    CREATE INDEX help_case_green_due ON help_case(coalesce(last_visit, opened_at) + cadence, household_id)
      WHERE green <> 0;
    DROP INDEX help_case_green;
    PRAGMA user_version = 18;
    """
}
