extension Migrations {
  /// v17-open-assignments: assignments by task and finish time, so that a task's overdue assignments
  /// (unfinished, in unit order) are read without passing the finished ones (``SQLiteStore/overdueAssignments``),
  /// and the green-channel help cases on their own, so that a large scope's are found without
  /// passing its other cases (``SQLiteStore/urgentHelp``).
  static let openAssignmentsV17 = """
    CREATE INDEX assignment_by_finish ON assignment(task_id, finished_at, unit_id, acked_at);
    CREATE INDEX help_case_green ON help_case(household_id) WHERE green <> 0;
    PRAGMA user_version = 17;
    """
}
