import WanggeCore

/// `verify` for the report system's rollups: `report_tally` and `spotcheck_tally` recounted from the
/// reports, their events and the calls; `report_missed_due` holds exactly the open incidents learnt
/// another way.
extension ReportSQLHost {
  public func reportRollupMismatches() throws -> [RollupMismatch] {
    try reportRead { sql in try Self.recount(sql) }
  }

  static func recount(_ sql: any ReportSQL) throws -> [RollupMismatch] {
    var out: [RollupMismatch] = []
    let fields = ["filed", "late", "acked", "ack_late", "external", "linked", "concealed"]
    var want: [String: [Int64]] = [:]
    for r in try sql.rows(
      """
      SELECT station_id, commander, sum(CASE WHEN source = 'station' THEN 1 ELSE 0 END),
        sum(CASE WHEN source = 'station' THEN late ELSE 0 END), sum(CASE WHEN source <> 'station' THEN 1 ELSE 0 END),
        sum(CASE WHEN source <> 'station' AND covered_by IS NOT NULL THEN 1 ELSE 0 END), sum(concealed)
      FROM report WHERE station_id IS NOT NULL GROUP BY station_id, commander
      """, [])
    {
      want["\(r[0].int ?? 0)\u{1F}\(r[1].text ?? "")"] = [
        r[2].int ?? 0, r[3].int ?? 0, 0, 0, r[4].int ?? 0, r[5].int ?? 0, r[6].int ?? 0,
      ]
    }
    for r in try sql.rows(
      """
      SELECT r.station_id, r.commander, count(*), sum(e.late) FROM report_event e JOIN report r ON r.id = e.report_id
      WHERE e.step = 'acknowledged' AND r.station_id IS NOT NULL GROUP BY r.station_id, r.commander
      """, [])
    {
      let k = "\(r[0].int ?? 0)\u{1F}\(r[1].text ?? "")"
      var v = want[k] ?? Array(repeating: 0, count: fields.count)
      v[2] = r[2].int ?? 0
      v[3] = r[3].int ?? 0
      want[k] = v
    }
    var seen = Set<String>()
    for r in try sql.rows(
      "SELECT station_id, commander, filed, late, acked, ack_late, external, linked, concealed FROM report_tally",
      [])
    {
      let k = "\(r[0].int ?? 0)\u{1F}\(r[1].text ?? "")"
      seen.insert(k)
      let w = want[k] ?? Array(repeating: 0, count: fields.count)
      for (i, f) in fields.enumerated() where (r[2 + i].int ?? 0) != w[i] {
        out.append(
          RollupMismatch(
            table: "report_tally", key: "station \(r[0].int ?? 0) commander \(r[1].text ?? "")", field: f,
            stored: r[2 + i].int ?? 0, recounted: w[i]))
      }
    }
    for (k, w) in want.sorted(by: { $0.key < $1.key })
    where !seen.contains(k) && w.contains(where: { $0 != 0 }) {
      out.append(
        RollupMismatch(
          table: "report_tally", key: k.replacingOccurrences(of: "\u{1F}", with: " "),
          field: "row", stored: 0, recounted: 1))
    }
    let open = Set(
      try sql.rows(
        """
        SELECT id FROM report WHERE source <> 'station' AND station_id IS NOT NULL AND covered_by IS NULL
          AND concealed = 0
        """, []
      ).compactMap { $0[0].int })
    let stored = Set(try sql.rows("SELECT report_id FROM report_missed_due", []).compactMap { $0[0].int })
    for id in open.subtracting(stored).sorted() {
      out.append(
        RollupMismatch(table: "report_missed_due", key: "report \(id)", field: "row", stored: 0, recounted: 1)
      )
    }
    for id in stored.subtracting(open).sorted() {
      out.append(
        RollupMismatch(table: "report_missed_due", key: "report \(id)", field: "row", stored: 1, recounted: 0)
      )
    }
    let callFields = ["calls", "answered", "unreachable", "asked", "yes"]
    var calls: [Int64: [Int64]] = [:]
    for r in try sql.rows(
      """
      SELECT station_id, outcome, knows_leader, got_notice, service_done FROM spotcheck_call
      WHERE outcome IS NOT NULL AND station_id IS NOT NULL
      """, [])
    {
      var v = calls[r[0].int ?? 0] ?? [0, 0, 0, 0, 0]
      v[0] += 1
      if r[1].text == CallOutcome.answered.rawValue { v[1] += 1 } else { v[2] += 1 }
      for q in r[2...4] {
        if let x = q.int {
          v[3] += 1
          if x != 0 { v[4] += 1 }
        }
      }
      calls[r[0].int ?? 0] = v
    }
    var seenCalls = Set<Int64>()
    for r in try sql.rows(
      "SELECT station_id, calls, answered, unreachable, asked, yes FROM spotcheck_tally", [])
    {
      let s = r[0].int ?? 0
      seenCalls.insert(s)
      let w = calls[s] ?? [0, 0, 0, 0, 0]
      for (i, f) in callFields.enumerated() where (r[1 + i].int ?? 0) != w[i] {
        out.append(
          RollupMismatch(
            table: "spotcheck_tally", key: "station \(s)", field: f, stored: r[1 + i].int ?? 0,
            recounted: w[i]))
      }
    }
    for (s, _) in calls.sorted(by: { $0.key < $1.key }) where !seenCalls.contains(s) {
      out.append(
        RollupMismatch(table: "spotcheck_tally", key: "station \(s)", field: "row", stored: 0, recounted: 1))
    }
    return out
  }
}
