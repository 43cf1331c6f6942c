import WanggeCore
import Foundation

/// Filing a report and its later steps, once for every engine (``ReportSQLHost``).
extension ReportSQLHost {
  public func fileIncident(_ f: IncidentFiling, rules: ReportRules) throws -> IncidentReport {
    if let p = Self.filingProblem(f) { throw ReportDeskError.outOfBounds(p) }
    let id: Int64 = try reportWrite { sql in try Self.file(sql, f, rules: rules) }
    return try incident(id: id, at: f.filedAt)!
  }

  static func filingProblem(_ f: IncidentFiling) -> String? {
    if let p = InputBounds.idProblem(f.eventID) { return "--id: \(p)" }
    if let p = InputBounds.instantProblem(f.happenedAt) { return "--happened: \(p)" }
    if let p = InputBounds.instantProblem(f.filedAt) { return "--at: \(p)" }
    if f.happenedAt > f.filedAt + .minutes(1) {
      return "--happened (\(InstantFormat.iso(f.happenedAt))) is after the filing time; give when it happened"
    }
    let t = f.text.trimmingCharacters(in: .whitespacesAndNewlines)
    if t.isEmpty { return "--text: say what happened (1–2000 characters)" }
    if f.text.count > 2000 { return "--text: \(f.text.count) characters; at most 2000" }
    return nil
  }

  /// The digest of an event's content: the same id with other content is a conflict.
  static func digest(_ parts: [String]) -> String { parts.joined(separator: "\u{1F}") }

  /// Looks an event id up: nil when new; its report when the same content was recorded; throws when
  /// the id was used for something else.
  static func replay(_ sql: any ReportSQL, id: String, digest: String) throws -> Int64? {
    guard let row = try sql.rows("SELECT report_id, digest FROM report_event WHERE id = ?", [.text(id)]).first
    else { return nil }
    guard row[1].text == digest else {
      throw ReportDeskError.conflict(
        "event id \(id) was already used for another report step; give each step its own --id")
    }
    return row[0].int
  }

  static func file(_ sql: any ReportSQL, _ f: IncidentFiling, rules: ReportRules) throws -> Int64 {
    let places = ReportPlaces(sql)
    let d = digest([
      "filed", f.kind.code, String(f.severity.rawValue), String(f.placeID),
      f.householdID.map(String.init) ?? "",
      f.text, String(f.happenedAt.epochSeconds), String(f.filedAt.epochSeconds), f.source.rawValue,
      f.fromID.map(String.init) ?? "", f.covers.map(String.init) ?? "",
    ])
    if let done = try replay(sql, id: f.eventID, digest: d) { return done }
    guard try places.exists(f.placeID) else { throw ReportDeskError.unknownPlace(f.placeID) }
    if let h = f.householdID {
      guard let unit = try sql.int("SELECT unit_id FROM household WHERE id = ?", [.int(h)]),
        try places.isUnder(unit, f.placeID)
      else { throw ReportDeskError.unknownHousehold(h) }
    }
    let station = try places.station(of: f.placeID)
    let commander = try places.commander(of: station)
    let from: Int64
    if let given = f.fromID {
      guard try places.exists(given) else { throw ReportDeskError.unknownPlace(given) }
      from = given
    } else if f.source.isExternal {
      from = try station.flatMap { try places.parent($0) } ?? station ?? f.placeID
    } else {
      from = station ?? f.placeID
    }
    let parent = try places.parent(from)
    let external = f.source.isExternal
    let holder = external ? from : (parent ?? from)
    let awaiting = !external && parent != nil
    let ackDue: Instant? = awaiting ? f.filedAt + rules.ackWindow(f.severity) : nil
    let late = !external && rules.isLate(happened: f.happenedAt, filed: f.filedAt, severity: f.severity)
    let id = try places.nextID("report")
    try sql.run(
      """
      INSERT INTO report(id, event_id, kind, severity, source, place_id, household_id, station_id, commander,
        from_id, text, happened_at, filed_at, filed_by, phase, holder_id, ack_due, last_at, late)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .int(id), .text(f.eventID), .text(f.kind.code), .int(Int64(f.severity.rawValue)),
        .text(f.source.rawValue),
        .int(f.placeID), .of(f.householdID), .of(station), .text(commander), .int(from), .text(f.text),
        .int(f.happenedAt.epochSeconds), .int(f.filedAt.epochSeconds), .text(f.operatorName),
        .text(awaiting ? ReportPhase.awaitingAck.rawValue : ReportPhase.acknowledged.rawValue), .int(holder),
        .of(ackDue?.epochSeconds), .int(f.filedAt.epochSeconds), .of(late),
      ])
    try event(
      sql, id: f.eventID, report: id, step: .filed, at: f.filedAt, by: f.operatorName, level: holder,
      place: f.placeID, note: "", late: late, digest: d)
    if let s = station {
      try tally(
        sql, station: s, commander: commander, filed: external ? 0 : 1, late: late ? 1 : 0,
        external: external ? 1 : 0)
      if external {
        try sql.run(
          "INSERT INTO report_missed_due(report_id, station_id, due_at) VALUES (?, ?, ?)",
          [
            .int(id), .int(s),
            .int(rules.missedAt(happened: f.happenedAt, severity: f.severity).epochSeconds),
          ])
      }
    }
    if let covered = f.covers {
      guard !external else {
        throw ReportDeskError.refused(
          "--covers links a station's own report to an incident learnt another way; "
            + "this filing is itself from \(f.source.rawValue)")
      }
      guard
        let row = try sql.rows(
          "SELECT source, station_id, covered_by, concealed, commander FROM report WHERE id = ?",
          [.int(covered)]
        ).first
      else { throw ReportDeskError.unknownReport(covered) }
      guard row[0].text != IncidentSource.station.rawValue, row[2].int == nil, row[3].int == 0 else {
        throw ReportDeskError.refused(
          "report \(covered) is not an open incident learnt another way (it is a station report, already "
            + "covered, or marked concealed); --covers cannot link it")
      }
      guard row[1].int == station else {
        throw ReportDeskError.refused(
          "report \(covered) concerns another station; --covers links the same station's")
      }
      try sql.run("UPDATE report SET covered_by = ? WHERE id = ?", [.int(id), .int(covered)])
      try sql.run("DELETE FROM report_missed_due WHERE report_id = ?", [.int(covered)])
      if let s = station { try tally(sql, station: s, commander: row[4].text ?? "", linked: 1) }
    }
    try places.audit(
      at: f.filedAt, operator: f.operatorName, action: "incident_file", scope: f.placeID,
      detail: [
        "report": id, "kind": f.kind.code, "severity": f.severity.rawValue, "source": f.source.rawValue,
        "late": late, "holder": holder,
      ])
    return id
  }

  static func event(
    _ sql: any ReportSQL, id: String, report: Int64, step: ReportStep, at: Instant, by: String, level: Int64,
    place: Int64, note: String, late: Bool, digest: String
  ) throws {
    try sql.run(
      """
      INSERT INTO report_event(id, report_id, step, at, operator, level_id, place_id, note, late, digest)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [
        .text(id), .int(report), .text(step.rawValue), .int(at.epochSeconds), .text(by), .int(level),
        .int(place),
        .text(note), .of(late), .text(digest),
      ])
  }

  /// Adds to the station's and commander's report counters (the rollup `verify` recounts).
  static func tally(
    _ sql: any ReportSQL, station: Int64, commander: String, filed: Int64 = 0, late: Int64 = 0,
    acked: Int64 = 0,
    ackLate: Int64 = 0, external: Int64 = 0, linked: Int64 = 0, concealed: Int64 = 0
  ) throws {
    try sql.run(
      """
      INSERT INTO report_tally(station_id, commander, filed, late, acked, ack_late, external, linked, concealed)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT(station_id, commander) DO UPDATE SET filed = report_tally.filed + excluded.filed,
        late = report_tally.late + excluded.late, acked = report_tally.acked + excluded.acked,
        ack_late = report_tally.ack_late + excluded.ack_late, external = report_tally.external + excluded.external,
        linked = report_tally.linked + excluded.linked, concealed = report_tally.concealed + excluded.concealed
      """,
      [
        .int(station), .text(commander), .int(filed), .int(late), .int(acked), .int(ackLate), .int(external),
        .int(linked), .int(concealed),
      ])
  }

  public func reportStep(_ r: ReportStepRequest, rules: ReportRules) throws -> IncidentReport {
    if let p = InputBounds.idProblem(r.eventID) { throw ReportDeskError.outOfBounds("--id: \(p)") }
    if let p = InputBounds.instantProblem(r.at) { throw ReportDeskError.outOfBounds("--at: \(p)") }
    if r.note.count > 2000 {
      throw ReportDeskError.outOfBounds("--note: \(r.note.count) characters; at most 2000")
    }
    try reportWrite { sql in try Self.step(sql, r, rules: rules) }
    return try incident(id: r.reportID, at: r.at)!
  }

  static func step(_ sql: any ReportSQL, _ r: ReportStepRequest, rules: ReportRules) throws {
    let d = digest([r.step.rawValue, String(r.reportID), r.note, String(r.at.epochSeconds)])
    if try replay(sql, id: r.eventID, digest: d) != nil { return }
    guard
      let row = try sql.rows(
        """
        SELECT phase, holder_id, ack_due, severity, source, station_id, commander, covered_by, concealed, place_id
        FROM report WHERE id = ?
        """, [.int(r.reportID)]
      ).first
    else { throw ReportDeskError.unknownReport(r.reportID) }
    let places = ReportPlaces(sql)
    let phase = ReportPhase(rawValue: row[0].text ?? "") ?? .closed
    let holder = row[1].int ?? 0
    let ackDue = row[2].int.map { Instant(epochSeconds: $0) }
    let severity = IncidentSeverity(rawValue: Int(row[3].int ?? 4)) ?? .general
    let source = IncidentSource(rawValue: row[4].text ?? "") ?? .station
    let station = row[5].int
    let commander = row[6].text ?? ""
    let place = row[9].int ?? 0
    let parent = try places.parent(holder)
    let next: ReportPhase
    switch ReportLifecycle.next(phase, r.step, hasParent: parent != nil) {
    case .success(let p): next = p
    case .failure(let why): throw ReportDeskError.refused("report \(r.reportID): \(why)")
    }
    var late = false
    var level = holder
    switch r.step {
    case .acknowledged:
      late = ackDue.map { r.at > $0 } ?? false
      try sql.run(
        "UPDATE report SET phase = ?, ack_due = NULL, last_at = ?, ack_late = ack_late + ? WHERE id = ?",
        [.text(next.rawValue), .int(r.at.epochSeconds), .of(late), .int(r.reportID)])
      if let s = station { try tally(sql, station: s, commander: commander, acked: 1, ackLate: late ? 1 : 0) }
    case .passedUp:
      level = parent!
      try sql.run(
        "UPDATE report SET phase = ?, holder_id = ?, ack_due = ?, last_at = ? WHERE id = ?",
        [
          .text(next.rawValue), .int(level), .int((r.at + rules.ackWindow(severity)).epochSeconds),
          .int(r.at.epochSeconds), .int(r.reportID),
        ])
    case .progress:
      guard !r.note.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ReportDeskError.outOfBounds("--note: say what progressed (the situation, measures, solution)")
      }
      try sql.run("UPDATE report SET last_at = ? WHERE id = ?", [.int(r.at.epochSeconds), .int(r.reportID)])
    case .closed:
      try sql.run(
        "UPDATE report SET phase = ?, ack_due = NULL, last_at = ? WHERE id = ?",
        [.text(next.rawValue), .int(r.at.epochSeconds), .int(r.reportID)])
    case .concealed:
      guard source.isExternal, row[7].int == nil, row[8].int == 0 else {
        throw ReportDeskError.refused(
          "report \(r.reportID): only an incident learnt another way, not covered by a station report and not yet "
            + "marked, can be marked concealed")
      }
      guard r.note.trimmingCharacters(in: .whitespaces).count >= 2 else {
        throw ReportDeskError.outOfBounds("--evidence: record how the station knew (2–2000 characters)")
      }
      try sql.run(
        "UPDATE report SET concealed = 1, evidence = ?, last_at = ? WHERE id = ?",
        [.text(r.note), .int(r.at.epochSeconds), .int(r.reportID)])
      try sql.run("DELETE FROM report_missed_due WHERE report_id = ?", [.int(r.reportID)])
      if let s = station { try tally(sql, station: s, commander: commander, concealed: 1) }
    case .filed, .linked:
      throw ReportDeskError.refused("report \(r.reportID): \(r.step.rawValue) is not a step of its own")
    }
    try event(
      sql, id: r.eventID, report: r.reportID, step: r.step, at: r.at, by: r.operatorName, level: level,
      place: place, note: r.note, late: late, digest: d)
    try places.audit(
      at: r.at, operator: r.operatorName, action: "incident_\(r.step.rawValue)", scope: place,
      detail: ["report": r.reportID, "level": level, "late": late])
  }
}
