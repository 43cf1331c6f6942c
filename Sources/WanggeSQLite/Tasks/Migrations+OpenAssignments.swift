extension Migrations {
  /// v17-open-assignments: assignments by task and finish time, so that a task's overdue assignments
  /// (unfinished, in unit order) are read without passing the finished ones (``SQLiteStore/overdueAssignments``).
  static let openAssignmentsV17 = """
    CREATE INDEX assignment_by_finish ON assignment(task_id, finished_at, unit_id, acked_at);
    PRAGMA user_version = 17;
    """
}
