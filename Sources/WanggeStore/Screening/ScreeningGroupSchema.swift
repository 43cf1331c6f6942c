/// Migration `v11-screening-groups` (SQLite) / 13 (PostgreSQL): each screening result remembers the
/// finishing unit's leader's department and squad and the finish's event, and `screening_group_tally`
/// sums the results per department (`kind` 0) and squad (`kind` 1) and task, kept in the finish's
/// transaction and recounted by `verify`. Existing results are filled in from the units' leaders.
public enum ScreeningGroupSchema {
  /// The migration's statements for an engine's integer type.
  public static func sql(int: String) -> String {
    """
    ALTER TABLE screening_result ADD COLUMN department_id \(int);
    ALTER TABLE screening_result ADD COLUMN squad_id \(int);
    ALTER TABLE screening_result ADD COLUMN event_id TEXT;
    CREATE TABLE screening_group_tally(
      kind \(int) NOT NULL, group_id \(int) NOT NULL, task_id \(int) NOT NULL, checked \(int) NOT NULL,
      returnees \(int) NOT NULL, isolate \(int) NOT NULL, problems \(int) NOT NULL,
      PRIMARY KEY(kind, group_id, task_id));
    UPDATE screening_result SET
      department_id = (SELECT l.department_id FROM unit u JOIN leader l ON l.id = u.leader_id
        WHERE u.place_id = screening_result.unit_id),
      squad_id = (SELECT l.squad_id FROM unit u JOIN leader l ON l.id = u.leader_id
        WHERE u.place_id = screening_result.unit_id),
      event_id = (SELECT min(r.event_id) FROM returnee r
        WHERE r.task_id = screening_result.task_id AND r.unit_id = screening_result.unit_id);
    INSERT INTO screening_group_tally(kind, group_id, task_id, checked, returnees, isolate, problems)
      SELECT 0, department_id, task_id, sum(checked), sum(returnees), sum(isolate), sum(problems)
      FROM screening_result WHERE department_id IS NOT NULL GROUP BY department_id, task_id;
    INSERT INTO screening_group_tally(kind, group_id, task_id, checked, returnees, isolate, problems)
      SELECT 1, squad_id, task_id, sum(checked), sum(returnees), sum(isolate), sum(problems)
      FROM screening_result WHERE squad_id IS NOT NULL GROUP BY squad_id, task_id;

    """
  }

  /// The table the migration adds.
  public static let table = "screening_group_tally"
}
