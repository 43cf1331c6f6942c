import WanggeCore

/// A task's screening totals per department or squad of the finishing units' leaders, read from the
/// `screening_group_tally` rollup (kept by each finish, recounted by `verify`). A department spans
/// places, so these are the task's whole totals per group, not those under one place.
extension ScreeningDesk {
  /// The totals of `task` by department name, or by squad (department name + squad name, the keys
  /// of ``TaskDesk/rankings(by:task:under:at:window:)``); stations are places (``screeningTotals(task:place:)``).
  public func screeningGroupTotals(task: Int64, by dimension: RankingDimension) throws
    -> [String: ScreeningTotals]
  {
    let query: String
    switch dimension {
    case .station: return [:]
    case .department:
      query = """
        SELECT d.name, g.checked, g.returnees, g.isolate, g.problems FROM screening_group_tally g
        JOIN department d ON d.id = g.group_id WHERE g.kind = 0 AND g.task_id = ?
        """
    case .squad:
      query = """
        SELECT d.name || s.name, g.checked, g.returnees, g.isolate, g.problems FROM screening_group_tally g
        JOIN squad s ON s.id = g.group_id JOIN department d ON d.id = s.department_id
        WHERE g.kind = 1 AND g.task_id = ?
        """
    }
    return try withScreeningSQL(write: false) { sql in
      var out: [String: ScreeningTotals] = [:]
      for r in try sql.query(query, [.int(task)]) {
        let v = r[1...4].map { $0.int ?? 0 }
        out[r[0].text ?? "", default: ScreeningTotals()].add(
          ScreeningTotals(checked: v[0], returnees: v[1], isolate: v[2], problems: v[3]))
      }
      return out
    }
  }
}

extension ScreeningTotals {
  /// Adds another group's totals.
  public mutating func add(_ o: ScreeningTotals) {
    checked += o.checked
    returnees += o.returnees
    isolate += o.isolate
    problems += o.problems
  }
}

extension ScreeningRecount {
  /// `screening_group_tally` recounted from the results' department and squad.
  static func groupMismatches(_ sql: any ScreeningSQL, into c: inout RollupComparison) throws {
    for kind in [Int64(0), 1] {
      let column = kind == 0 ? "department_id" : "squad_id"
      var want: [RollupKey: [Int64]] = [:]
      for r in try sql.query(
        """
        SELECT \(column), task_id, sum(checked), sum(returnees), sum(isolate), sum(problems)
        FROM screening_result WHERE \(column) IS NOT NULL GROUP BY \(column), task_id
        """, [])
      {
        want[RollupKey(place: r[0].int ?? 0, other: r[1].int ?? 0)] = r[2...5].map { $0.int ?? 0 }
      }
      let name = kind == 0 ? "department" : "squad"
      var t = RollupComparison.Table.taskTally(fields: ScreeningRules.tallyColumns, want: want)
      t = RollupComparison.Table(
        name: "screening_group_tally", fields: t.fields,
        keyText: { "\(name) \($0.place) task \($0.other)" }, want: t.want, absent: t.absent,
        missing: t.missing)
      for r in try sql.query(
        """
        SELECT group_id, task_id, \(ScreeningRules.tallyColumns.joined(separator: ", "))
        FROM screening_group_tally WHERE kind = ?
        """, [.int(kind)])
      {
        c.stored(RollupKey(place: r[0].int ?? 0, other: r[1].int ?? 0), r[2...5].map { $0.int ?? 0 }, in: &t)
      }
      c.finish(t)
    }
  }
}
