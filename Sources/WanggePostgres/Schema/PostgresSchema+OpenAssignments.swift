/// Migration 19: a task's unfinished assignments in unit order (with the acknowledgement, for an
/// index-only scan) and its assignments by finish time, so that `overdueAssignments` reads the first
/// overdue ones without passing the finished ones; and the green-channel help cases on their own.
extension PostgresSchema {
  static let openAssignmentsV19 = """
    CREATE INDEX assignment_unfinished ON assignment(task_id, unit_id) INCLUDE (acked_at)
      WHERE finished_at IS NULL;
    CREATE INDEX assignment_by_finish ON assignment(task_id, finished_at);
    CREATE INDEX help_case_green ON help_case(household_id) WHERE green <> 0;
    """
}
