import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore {
  public func overdueAssignments(of task: Int64, at now: Instant, limit: Int) throws -> [AssignmentDetail] {
    try read { db in
      let t = try Self.gridTask(db, task)
      guard limit > 0, let scan = OverdueScan(deadlines: t.deadlines, at: now) else { return [] }
      // Not finished by `now`: unfinished (in unit order along the index), or finished only later.
      let notAcked = scan.needsUnacknowledged ? " AND (acked_at IS NULL OR acked_at > ?)" : ""
      let extra: [any DatabaseValueConvertible] = scan.needsUnacknowledged ? [now.epochSeconds] : []
      var units: [Int64] = []
      for finished in ["finished_at IS NULL", "finished_at > ?"] {
        let later: [any DatabaseValueConvertible] = finished.hasSuffix("?") ? [now.epochSeconds] : []
        units += try Int64.fetchAll(
          db.cachedStatement(
            sql: """
              SELECT unit_id FROM assignment INDEXED BY assignment_by_finish
              WHERE task_id = ? AND \(finished)\(notAcked) ORDER BY unit_id LIMIT ?
              """), arguments: StatementArguments([task] + later + extra + [limit]))
      }
      let first = Array(units.sorted().prefix(limit))
      let paths = try Self.paths(db, of: first)
      return OverdueScan.ordered(try Self.details(db, tasks: [t], units: paths, at: now))
    }
  }

  /// The full paths of `units` below the root, each place above them read once (neighbouring units
  /// share their building and compound).
  static func paths(_ db: Database, of units: [Int64]) throws -> [UnitBelow] {
    let up = try RawStatement(cached: db, "SELECT parent_id, name FROM place WHERE id = ?")
    var known: [Int64: (parent: Int64?, name: String)] = [:]
    func row(_ id: Int64) throws -> (parent: Int64?, name: String)? {
      if let kept = known[id] { return kept }
      up.bind([id])
      defer { up.reset() }
      guard try up.step() else { return nil }
      let read = (parent: up.int(0), name: up.text(1) ?? "")
      known[id] = read
      return read
    }
    return try units.map { unit in
      var names: [String] = []
      var next: Int64? = unit
      while let current = next, let r = try row(current), names.count < 64 {
        if r.parent != nil { names.append(r.name) }
        next = r.parent
      }
      return UnitBelow(id: unit, path: names.reversed())
    }
  }
}
