import WanggeCore
import WanggeStore

extension PostgresStore {
  /// The task's assignments overdue at `now` over its whole scope: the first `limit` by unit id, most
  /// late first (along the partial index of unfinished assignments, migration 19).
  public func overdueAssignments(of task: Int64, at now: Instant, limit: Int) throws -> [AssignmentDetail] {
    try read { db in
      guard let t = try Self.gridTasks(db, [task]).first else { throw TaskDeskError.unknownTask(task) }
      guard limit > 0, let scan = OverdueScan(deadlines: t.deadlines, at: now) else { return [] }
      // Not finished by `now`: unfinished (in unit order along the index), or finished only later.
      // `$3` is `now` in both (cast, so that the part that does not compare with it still types it).
      let notAcked = scan.needsUnacknowledged ? " AND (acked_at IS NULL OR acked_at > $3::bigint)" : ""
      var units: [Int64] = []
      for finished in ["finished_at IS NULL AND $3::bigint IS NOT NULL", "finished_at > $3::bigint"] {
        units += try db.exec(
          """
          SELECT unit_id FROM assignment WHERE task_id = $1 AND \(finished)\(notAcked)
          ORDER BY unit_id LIMIT $2
          """, [task, limit, now.epochSeconds]
        ).map { try $0.get(0, as: Int64.self) }
      }
      let first = Array(units.sorted().prefix(limit))
      let paths = try first.map { UnitBelow(id: $0, path: try Self.path(db, of: $0).segments) }
      return OverdueScan.ordered(try Self.details(db, tasks: [t], units: paths, at: now))
    }
  }
}
