import WanggeCore
import WanggeStore

extension PostgresStore {
  /// The newest task's id (benchmarks act on it).
  public func newestTaskID() throws -> Int64 {
    try read { db in
      guard let id: Int64 = try db.exec("SELECT max(id) FROM task").first?.optional(0) else {
        throw TaskDeskError.unknownTask(0)
      }
      return id
    }
  }

  /// Units whose assignment of `task` is not acknowledged yet, by unit id.
  public func pendingUnits(task: Int64, limit: Int) throws -> [Int64] {
    try read { db in
      try db.exec(
        """
        SELECT unit_id FROM assignment WHERE task_id = $1 AND acked_at IS NULL AND finished_at IS NULL
        ORDER BY unit_id LIMIT $2
        """, [task, Int64(limit)]
      ).map { try $0.get(0) }
    }
  }

  /// The lowest and highest household id.
  public func householdIDRange() throws -> ClosedRange<Int64> {
    try read { db in
      let row = try db.exec("SELECT min(id), max(id) FROM household").first
      let low: Int64 = try row?.optional(0) ?? 1
      let high: Int64 = try row?.optional(1) ?? 1
      return low...max(low, high)
    }
  }
}
