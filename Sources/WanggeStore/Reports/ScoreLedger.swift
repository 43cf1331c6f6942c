import WanggeCore

/// The stations' measured figures over a period (the inputs of ``StationScore``), once for every
/// engine: tasks issued in the period from `task_tally`, coverage from `place_stats`, overdue visits at
/// the end from `help_due_hour`/`help_due`, and the reports, calls and contacts of the period.
extension ReportSQLHost {
  public func stationFigures(under scope: Int64, since: Instant, until: Instant) throws -> [Int64:
    StationFigures]
  {
    guard since < until else {
      throw ReportDeskError.outOfBounds("--since must be before --until")
    }
    return try reportRead { sql in
      let places = ReportPlaces(sql)
      var out: [Int64: StationFigures] = [:]
      for r in try sql.rows("SELECT id FROM place WHERE has_station = 1 ORDER BY id", []) {
        let s = r[0].int ?? 0
        if try places.isUnder(s, scope) { out[s] = StationFigures() }
      }
      let a = since.epochSeconds
      let b = until.epochSeconds
      for s in out.keys.sorted() {
        var f = StationFigures()
        if let t = try sql.rows(
          """
          SELECT coalesce(sum(tt.assigned), 0), coalesce(sum(tt.acked_on_time), 0),
            coalesce(sum(tt.finished_on_time), 0)
          FROM task_tally tt JOIN task t ON t.id = tt.task_id
          WHERE tt.place_id = ? AND t.issued_at >= ? AND t.issued_at < ?
          """, [.int(s), .int(a), .int(b)]
        ).first {
          f.assigned = Int(t[0].int ?? 0)
          f.ackedOnTime = Int(t[1].int ?? 0)
          f.finishedOnTime = Int(t[2].int ?? 0)
        }
        if let p = try sql.rows(
          "SELECT households, reached_group + reached_phone, help_cases FROM place_stats WHERE place_id = ?",
          [.int(s)]
        ).first {
          f.households = Int(p[0].int ?? 0)
          f.reached = Int(p[1].int ?? 0)
          f.helpCases = Int(p[2].int ?? 0)
        }
        let hour = b / 3600
        let before =
          try sql.int(
            "SELECT coalesce(sum(count), 0) FROM help_due_hour WHERE place_id = ? AND hour < ?",
            [.int(s), .int(hour)]) ?? 0
        let recent =
          try sql.int(
            "SELECT count(*) FROM help_due WHERE place_id = ? AND due_at >= ? AND due_at < ?",
            [.int(s), .int(hour * 3600), .int(b)]) ?? 0
        f.overdueVisits = Int(before + recent)
        if let r = try sql.rows(
          """
          SELECT count(*), coalesce(sum(late), 0), coalesce(sum(CASE WHEN ack_late > 0 THEN 1 ELSE 0 END), 0)
          FROM report WHERE station_id = ? AND source = 'station' AND filed_at >= ? AND filed_at < ?
          """, [.int(s), .int(a), .int(b)]
        ).first {
          f.reportsFiled = Int(r[0].int ?? 0)
          f.late = Int(r[1].int ?? 0)
          f.escalated = Int(r[2].int ?? 0)
        }
        if let r = try sql.rows(
          """
          SELECT coalesce(sum(CASE WHEN r.concealed = 1 THEN 1 ELSE 0 END), 0),
            coalesce(sum(CASE WHEN r.concealed = 0 AND m.due_at < ? THEN 1 ELSE 0 END), 0)
          FROM report r LEFT JOIN report_missed_due m ON m.report_id = r.id
          WHERE r.station_id = ? AND r.source <> 'station' AND r.happened_at >= ? AND r.happened_at < ?
          """, [.int(b), .int(s), .int(a), .int(b)]
        ).first {
          f.concealed = Int(r[0].int ?? 0)
          f.missed = Int(r[1].int ?? 0)
        }
        for c in try sql.rows(
          """
          SELECT outcome, knows_leader, got_notice, service_done FROM spotcheck_call
          WHERE station_id = ? AND called_at >= ? AND called_at < ?
          """, [.int(s), .int(a), .int(b)])
        {
          if c[0].text == CallOutcome.answered.rawValue {
            f.callsAnswered += 1
          } else {
            f.callsUnreachable += 1
          }
          for q in c[1...3] {
            if let v = q.int {
              f.answersAsked += 1
              if v != 0 { f.answersYes += 1 }
            }
          }
        }
        var chain: [Int64] = []
        var at: Int64? = s
        while let p = at {
          chain.append(p)
          at = try places.parent(p)
        }
        let list = chain.map(String.init).joined(separator: ",")
        f.overdueContacts = Int(
          try sql.int(
            "SELECT count(*) FROM supervision_target WHERE place_id IN (\(list)) AND due_at < ?", [.int(b)])
            ?? 0)
        out[s] = f
      }
      return out
    }
  }
}
