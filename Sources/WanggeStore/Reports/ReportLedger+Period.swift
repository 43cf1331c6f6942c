import WanggeCore

/// The 迟报 / 漏报 / 瞒报 counters of a period (the weekly bulletin's week), once for every engine: one
/// query over the report rows of the period through the `filed_at` / `happened_at` indexes, counted as
/// ``ScoreLedger`` counts them for the score (迟报 by filing time, 漏报 and 瞒报 by when it happened).
extension ReportSQLHost {
  public func reportCounters(under scope: Int64, since: Instant, until: Instant) throws -> [ReportCounter] {
    guard since < until else { throw ReportDeskError.outOfBounds("--since must be before --until") }
    return try reportRead { sql in
      let places = ReportPlaces(sql)
      let a = since.epochSeconds
      let b = until.epochSeconds
      var out: [String: ReportCounter] = [:]
      func add(_ station: Int64, _ commander: String, _ change: (inout ReportCounter) -> Void) {
        let key = "\(station)\u{1F}\(commander)"
        var c =
          out[key]
          ?? ReportCounter(
            stationID: station, commander: commander, filed: 0, late: 0, ackLate: 0, missed: 0, concealed: 0)
        change(&c)
        out[key] = c
      }
      for r in try sql.rows(
        """
        SELECT station_id, commander, count(*), coalesce(sum(late), 0),
          coalesce(sum(CASE WHEN ack_late > 0 THEN 1 ELSE 0 END), 0)
        FROM report WHERE station_id IS NOT NULL AND source = 'station' AND filed_at >= ? AND filed_at < ?
        GROUP BY station_id, commander
        """, [.int(a), .int(b)])
      {
        let s = r[0].int ?? 0
        guard try places.isUnder(s, scope) else { continue }
        add(s, r[1].text ?? "") {
          $0.filed = Int(r[2].int ?? 0)
          $0.late = Int(r[3].int ?? 0)
          $0.ackLate = Int(r[4].int ?? 0)
        }
      }
      for r in try sql.rows(
        """
        SELECT r.station_id, r.commander, coalesce(sum(CASE WHEN r.concealed = 1 THEN 1 ELSE 0 END), 0),
          coalesce(sum(CASE WHEN r.concealed = 0 AND m.due_at < ? THEN 1 ELSE 0 END), 0)
        FROM report r LEFT JOIN report_missed_due m ON m.report_id = r.id
        WHERE r.station_id IS NOT NULL AND r.source <> 'station' AND r.happened_at >= ? AND r.happened_at < ?
        GROUP BY r.station_id, r.commander
        """, [.int(b), .int(a), .int(b)])
      {
        let s = r[0].int ?? 0
        guard try places.isUnder(s, scope) else { continue }
        let concealed = Int(r[2].int ?? 0)
        let missed = Int(r[3].int ?? 0)
        guard concealed + missed > 0 else { continue }
        add(s, r[1].text ?? "") {
          $0.concealed = concealed
          $0.missed = missed
        }
      }
      return out.values.sorted { ($0.stationID, $0.commander) < ($1.stationID, $1.commander) }
    }
  }
}
