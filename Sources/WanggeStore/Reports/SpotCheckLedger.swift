import WanggeCore

/// Spot checks (督查), once for every engine: a weighted reproducible draw under a scope, the call list
/// (phones masked; `wangge reveal` shows one, audited), and each call's outcome and answers.
extension ReportSQLHost {
  public func drawSpotCheck(_ d: SpotCheckDraw) throws -> SpotCheckRound {
    guard (1...10_000).contains(d.households) else {
      throw ReportDeskError.outOfBounds("--households: \(d.households) is not in 1…10000")
    }
    if let p = InputBounds.instantProblem(d.at) { throw ReportDeskError.outOfBounds("--at: \(p)") }
    let id: Int64 = try reportWrite { sql in
      let places = ReportPlaces(sql)
      guard try places.exists(d.scopeID) else { throw ReportDeskError.unknownPlace(d.scopeID) }
      let units = try places.units(under: d.scopeID)
      var candidates: [SpotCheckCandidate] = []
      var unitOf: [Int64: Int64] = [:]
      for start in stride(from: 0, to: units.count, by: 500) {
        let chunk = units[start..<min(start + 500, units.count)].map(String.init).joined(separator: ",")
        for r in try sql.rows(
          """
          SELECT h.id, h.unit_id, h.flags, c.household_id FROM household h
          LEFT JOIN help_case c ON c.household_id = h.id WHERE h.unit_id IN (\(chunk))
          """, [])
        {
          let hid = r[0].int ?? 0
          let flags = VulnerabilityFlags(rawValue: Int(r[2].int ?? 0))
          var reasons = Set<SpotCheckReason>()
          if r[3].int != nil { reasons.insert(.helpCase) }
          if flags.contains(.homeIsolation) { reasons.insert(.isolation) }
          if flags.contains(.longVacant) { reasons.insert(.vacant) }
          if !flags.subtracting([.homeIsolation, .longVacant]).isEmpty { reasons.insert(.flagged) }
          candidates.append(SpotCheckCandidate(householdID: hid, reasons: reasons))
          unitOf[hid] = r[1].int
        }
      }
      guard !candidates.isEmpty else {
        throw ReportDeskError.refused(
          "no households under place \(d.scopeID) to draw from; give a --scope with households")
      }
      let sample = SpotCheckSampler.draw(candidates, count: d.households, seed: d.seed, weights: d.weights)
      let round = try places.nextID("spotcheck_round")
      try sql.run(
        "INSERT INTO spotcheck_round(id, scope_id, seed, size, drawn_at, operator) VALUES (?, ?, ?, ?, ?, ?)",
        [
          .int(round), .int(d.scopeID), .text(String(d.seed)), .int(Int64(sample.count)),
          .int(d.at.epochSeconds),
          .text(d.operatorName),
        ])
      for (i, c) in sample.enumerated() {
        let station = try places.station(of: unitOf[c.householdID] ?? d.scopeID)
        try sql.run(
          """
          INSERT INTO spotcheck_call(round_id, position, household_id, station_id, reasons) VALUES (?, ?, ?, ?, ?)
          """,
          [
            .int(round), .int(Int64(i + 1)), .int(c.householdID), .of(station),
            .text(c.reasons.map(\.rawValue).sorted().joined(separator: ",")),
          ])
      }
      try places.audit(
        at: d.at, operator: d.operatorName, action: "spotcheck_draw", scope: d.scopeID,
        detail: [
          "round": round, "seed": String(d.seed), "households": sample.count, "candidates": candidates.count,
        ])
      return round
    }
    let calls = try spotCheckCalls(round: id)
    return SpotCheckRound(id: id, scopeID: d.scopeID, seed: d.seed, drawnAt: d.at, calls: calls)
  }

  public func spotCheckCalls(round: Int64) throws -> [SpotCheckCall] {
    try reportRead { sql in
      guard try sql.int("SELECT count(*) FROM spotcheck_round WHERE id = ?", [.int(round)]) == 1 else {
        throw ReportDeskError.unknownRound(round)
      }
      return try sql.rows(
        """
        SELECT c.position, c.household_id, c.station_id, h.room, h.phone, c.reasons, c.outcome, c.knows_leader,
          c.got_notice, c.service_done, c.problems, c.called_at, c.report_id
        FROM spotcheck_call c JOIN \(sql.householdTable) h ON h.id = c.household_id WHERE c.round_id = ? ORDER BY c.position
        """, [.int(round)]
      ).map { r in
        func yes(_ v: SQLValue) -> Bool? { v.int.map { $0 != 0 } }
        return SpotCheckCall(
          roundID: round, position: Int(r[0].int ?? 0), householdID: r[1].int ?? 0, stationID: r[2].int,
          room: r[3].text ?? "", maskedPhone: PhoneMask.mask(r[4].text ?? ""),
          reasons: (r[5].text ?? "").split(separator: ",").compactMap {
            SpotCheckReason(rawValue: String($0))
          },
          outcome: r[6].text.flatMap(CallOutcome.init(rawValue:)),
          answers: CallAnswers(
            knowsLeader: yes(r[7]), gotNotice: yes(r[8]), serviceDone: yes(r[9]), problems: r[10].text ?? ""),
          calledAt: r[11].int.map { Instant(epochSeconds: $0) }, reportID: r[12].int)
      }
    }
  }

  public func recordCall(_ c: CallRecord) throws -> SpotCheckCall {
    if let p = InputBounds.instantProblem(c.at) { throw ReportDeskError.outOfBounds("--at: \(p)") }
    if c.answers.problems.count > 2000 {
      throw ReportDeskError.outOfBounds("--problems: at most 2000 characters")
    }
    if c.outcome != .answered && c.answers.asked > 0 {
      throw ReportDeskError.outOfBounds(
        "the questions are asked only on an answered call; drop them or use --outcome answered")
    }
    try reportWrite { sql in
      guard
        let row = try sql.rows(
          "SELECT outcome, station_id FROM spotcheck_call WHERE round_id = ? AND household_id = ?",
          [.int(c.roundID), .int(c.householdID)]
        ).first
      else {
        if try sql.int("SELECT count(*) FROM spotcheck_round WHERE id = ?", [.int(c.roundID)]) == 0 {
          throw ReportDeskError.unknownRound(c.roundID)
        }
        throw ReportDeskError.notInRound(round: c.roundID, household: c.householdID)
      }
      guard row[0].text == nil else {
        throw ReportDeskError.alreadyRecorded(round: c.roundID, household: c.householdID)
      }
      var report: Int64?
      if var f = c.opens {
        f.householdID = c.householdID
        report = try Self.file(sql, f, rules: c.rules)
      }
      try sql.run(
        """
        UPDATE spotcheck_call SET outcome = ?, knows_leader = ?, got_notice = ?, service_done = ?, problems = ?,
          called_at = ?, operator = ?, report_id = ? WHERE round_id = ? AND household_id = ?
        """,
        [
          .text(c.outcome.rawValue), .of(c.answers.knowsLeader), .of(c.answers.gotNotice),
          .of(c.answers.serviceDone),
          .text(c.answers.problems), .int(c.at.epochSeconds), .text(c.operatorName), .of(report),
          .int(c.roundID), .int(c.householdID),
        ])
      if let s = row[1].int {
        let answered: Int64 = c.outcome == .answered ? 1 : 0
        try sql.run(
          """
          INSERT INTO spotcheck_tally(station_id, calls, answered, unreachable, asked, yes) VALUES (?, 1, ?, ?, ?, ?)
          ON CONFLICT(station_id) DO UPDATE SET calls = spotcheck_tally.calls + 1,
            answered = spotcheck_tally.answered + excluded.answered,
            unreachable = spotcheck_tally.unreachable + excluded.unreachable,
            asked = spotcheck_tally.asked + excluded.asked, yes = spotcheck_tally.yes + excluded.yes
          """,
          [
            .int(s), .int(answered), .int(1 - answered), .int(Int64(c.answers.asked)),
            .int(Int64(c.answers.yes)),
          ])
      }
      try ReportPlaces(sql).audit(
        at: c.at, operator: c.operatorName, action: "spotcheck_call", scope: row[1].int,
        detail: ["round": c.roundID, "household": c.householdID, "outcome": c.outcome.rawValue])
    }
    return try spotCheckCalls(round: c.roundID).first { $0.householdID == c.householdID }!
  }
}
