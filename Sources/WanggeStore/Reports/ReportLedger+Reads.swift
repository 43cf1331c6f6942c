import WanggeCore

/// Reading reports and their counters, once for every engine.
extension ReportSQLHost {
  static var reportColumns: String {
    """
    id, kind, severity, source, place_id, household_id, station_id, commander, from_id, text, happened_at,
    filed_at, phase, holder_id, ack_due, last_at, late, ack_late, covered_by, concealed, evidence
    """
  }

  static func decode(_ r: [SQLValue], at now: Instant, chain: [ReportChainEvent]) -> IncidentReport {
    let ackDue = r[14].int.map { Instant(epochSeconds: $0) }
    let phase = ReportPhase(rawValue: r[12].text ?? "") ?? .closed
    let source = IncidentSource(rawValue: r[3].text ?? "") ?? .station
    let happened = Instant(epochSeconds: r[10].int ?? 0)
    let severity = IncidentSeverity(rawValue: Int(r[2].int ?? 4)) ?? .general
    let concealed = (r[19].int ?? 0) != 0
    var marks = ReportMarks()
    marks.late = (r[16].int ?? 0) != 0
    marks.escalated = (r[17].int ?? 0) > 0 || (phase == .awaitingAck && ackDue.map { now > $0 } ?? false)
    marks.concealed = concealed
    return IncidentReport(
      id: r[0].int ?? 0, kind: IncidentKind(text: r[1].text ?? "") ?? .other, severity: severity,
      source: source,
      placeID: r[4].int ?? 0, householdID: r[5].int, stationID: r[6].int, commander: r[7].text ?? "",
      fromID: r[8].int ?? 0, text: r[9].text ?? "", happenedAt: happened,
      filedAt: Instant(epochSeconds: r[11].int ?? 0), phase: phase, holderID: r[13].int ?? 0, ackDue: ackDue,
      lastAt: Instant(epochSeconds: r[15].int ?? 0), coveredBy: r[18].int, evidence: r[20].text ?? "",
      marks: marks, chain: chain)
  }

  /// 漏报 is judged at `now` from `report_missed_due` (due strictly before now).
  static func withMissed(_ sql: any ReportSQL, _ r: IncidentReport, at now: Instant) throws -> IncidentReport
  {
    var r = r
    if r.source.isExternal, r.coveredBy == nil, !r.marks.concealed, r.stationID != nil,
      let due = try sql.int("SELECT due_at FROM report_missed_due WHERE report_id = ?", [.int(r.id)])
    {
      r.marks.missed = due < now.epochSeconds
    }
    return r
  }

  public func incident(id: Int64, at now: Instant) throws -> IncidentReport? {
    try reportRead { sql in
      guard let row = try sql.rows("SELECT \(Self.reportColumns) FROM report WHERE id = ?", [.int(id)]).first
      else { return nil }
      let chain = try sql.rows(
        "SELECT id, step, at, operator, level_id, note, late FROM report_event WHERE report_id = ? ORDER BY at, id",
        [.int(id)]
      ).map { e in
        ReportChainEvent(
          id: e[0].text ?? "", step: ReportStep(rawValue: e[1].text ?? "") ?? .progress,
          at: Instant(epochSeconds: e[2].int ?? 0), operatorName: e[3].text ?? "", levelID: e[4].int ?? 0,
          note: e[5].text ?? "", late: (e[6].int ?? 0) != 0)
      }
      return try Self.withMissed(sql, Self.decode(row, at: now, chain: chain), at: now)
    }
  }

  public func incidents(under scope: Int64, at now: Instant, window: Span) throws -> [IncidentReport] {
    try reportRead { sql in
      let places = ReportPlaces(sql)
      let since = (now - window).epochSeconds
      let rows = try sql.rows(
        """
        SELECT \(Self.reportColumns) FROM report
        WHERE (filed_at >= ? OR happened_at >= ? OR phase <> 'closed') AND filed_at <= ?
        ORDER BY filed_at DESC, id DESC
        """, [.int(since), .int(since), .int(now.epochSeconds)])
      var out: [IncidentReport] = []
      for r in rows where try places.isUnder(r[4].int ?? 0, scope) {
        out.append(try Self.withMissed(sql, Self.decode(r, at: now, chain: []), at: now))
      }
      return out
    }
  }

  public func setStationCommander(station: Int64, name: String, by operatorName: String, at: Instant) throws {
    let n = name.trimmingCharacters(in: .whitespaces)
    guard !n.isEmpty, n.count <= 64 else { throw ReportDeskError.outOfBounds("--name: 1–64 characters") }
    try reportWrite { sql in
      let places = ReportPlaces(sql)
      guard try places.info(station)?.station == true else {
        throw ReportDeskError.refused("place \(station) has no command station; give a station's path (小区)")
      }
      try sql.run("DELETE FROM station_commander WHERE station_id = ?", [.int(station)])
      try sql.run(
        "INSERT INTO station_commander(station_id, name, since) VALUES (?, ?, ?)",
        [.int(station), .text(n), .int(at.epochSeconds)])
      try places.audit(
        at: at, operator: operatorName, action: "station_commander", scope: station, detail: [:])
    }
  }

  public func reportCounters(under scope: Int64, at now: Instant) throws -> [ReportCounter] {
    try reportRead { sql in
      let places = ReportPlaces(sql)
      // 漏报 goes to the commander in charge when the incident was filed (the incident row's), like the rest.
      var missed: [String: Int] = [:]
      for r in try sql.rows(
        """
        SELECT m.station_id, r.commander, count(*) FROM report_missed_due m JOIN report r ON r.id = m.report_id
        WHERE m.due_at < ? GROUP BY m.station_id, r.commander
        """, [.int(now.epochSeconds)])
      {
        missed["\(r[0].int ?? 0)\u{1F}\(r[1].text ?? "")"] = Int(r[2].int ?? 0)
      }
      var out: [ReportCounter] = []
      for r in try sql.rows(
        "SELECT station_id, commander, filed, late, ack_late, concealed FROM report_tally ORDER BY station_id, commander",
        [])
      {
        let s = r[0].int ?? 0
        guard try places.isUnder(s, scope) else { continue }
        out.append(
          ReportCounter(
            stationID: s, commander: r[1].text ?? "", filed: Int(r[2].int ?? 0), late: Int(r[3].int ?? 0),
            ackLate: Int(r[4].int ?? 0), missed: missed["\(s)\u{1F}\(r[1].text ?? "")"] ?? 0,
            concealed: Int(r[5].int ?? 0)))
      }
      return out.sorted { ($0.stationID, $0.commander) < ($1.stationID, $1.commander) }
    }
  }
}
