import WanggeCore

/// One task's tallies by department and squad, counted by the engine in one grouped query over the
/// task's assignments (the same counting as ``TaskTally/count(_:deadlines:)``), so the bulletin's
/// department and squad tables cost one query per task of the week, not one detail row per unit.
extension WeeklyBulletin {
  /// A task's tally of one department's squad (nil squad: leaders outside any squad).
  struct GroupTally {
    var department: String
    var squad: String?
    var tally: TaskTally
  }

  /// The tallies of `task`'s assignments under `scope` by department and squad: through the engine's
  /// SQL when it runs the shared SQL (both engines do), else from the assignment details.
  static func groupTallies(_ store: any GridStore, task: Int64, scope: Place, at: Instant) throws
    -> [GroupTally]
  {
    guard let host = store as? any ReportSQLHost else {
      var out: [String: GroupTally] = [:]
      for a in try store.assignments(of: task, under: scope.id, at: at, limit: Int.max) {
        let key = a.department + "\u{1F}" + (a.squad ?? "")
        out[key, default: GroupTally(department: a.department, squad: a.squad, tally: TaskTally())].tally.add(
          a.tally)
      }
      return Array(out.values)
    }
    let underScope =
      scope.parentID == nil
      ? ""
      : """
      AND a.unit_id IN (
        WITH RECURSIVE sub(id) AS (
          SELECT CAST(? AS BIGINT) UNION ALL SELECT p.id FROM place p JOIN sub ON p.parent_id = sub.id)
        SELECT id FROM sub)
      """
    let args: [SQLValue] = scope.parentID == nil ? [.int(task)] : [.int(task), .int(scope.id)]
    return try host.reportRead { sql in
      try sql.rows(
        """
        SELECT d.name, s.name, count(*),
          sum(CASE WHEN coalesce(a.acked_at, a.finished_at) IS NOT NULL THEN 1 ELSE 0 END),
          sum(CASE WHEN coalesce(a.acked_at, a.finished_at) <= t.issued_at + t.ack_within THEN 1 ELSE 0 END),
          sum(CASE WHEN a.finished_at IS NOT NULL THEN 1 ELSE 0 END),
          sum(CASE WHEN a.finished_at <= t.issued_at + t.finish_within THEN 1 ELSE 0 END)
        FROM assignment a JOIN task t ON t.id = a.task_id JOIN unit u ON u.place_id = a.unit_id
        JOIN leader l ON l.id = u.leader_id JOIN department d ON d.id = l.department_id
        LEFT JOIN squad s ON s.id = l.squad_id
        WHERE a.task_id = ? \(underScope)
        GROUP BY d.id, d.name, s.id, s.name
        """, args
      ).map { r in
        GroupTally(
          department: r[0].text ?? "", squad: r[1].text,
          tally: TaskTally(
            assigned: Int(r[2].int ?? 0), acknowledged: Int(r[3].int ?? 0),
            acknowledgedOnTime: Int(r[4].int ?? 0),
            finished: Int(r[5].int ?? 0), finishedOnTime: Int(r[6].int ?? 0)))
      }
    }
  }
}
