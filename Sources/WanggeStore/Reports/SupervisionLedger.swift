import WanggeCore

/// Supervision groups (督导组), once for every engine: supervisors ↔ communities with a contact
/// cadence; a contact is due one cadence after the last (or after the assignment), overdue after that.
extension ReportSQLHost {
  public func addSupervisionGroup(name: String, supervisors: [String], cadence: Span, by: String, at: Instant)
    throws
    -> Int64
  {
    let n = name.trimmingCharacters(in: .whitespaces)
    guard !n.isEmpty, n.count <= 64 else { throw ReportDeskError.outOfBounds("--name: 1–64 characters") }
    if let p = InputBounds.windowProblem(cadence) { throw ReportDeskError.outOfBounds("--cadence: \(p)") }
    let people = supervisors.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !people.isEmpty, people.count <= 50, people.allSatisfy({ $0.count <= 64 }) else {
      throw ReportDeskError.outOfBounds("--supervisors: 1–50 names separated by commas, each 1–64 characters")
    }
    return try reportWrite { sql in
      let id = try ReportPlaces(sql).nextID("supervision_group")
      try sql.run(
        "INSERT INTO supervision_group(id, name, cadence, created_at) VALUES (?, ?, ?, ?)",
        [.int(id), .text(n), .int(cadence.seconds), .int(at.epochSeconds)])
      for p in Set(people).sorted() {
        try sql.run("INSERT INTO supervisor(group_id, name) VALUES (?, ?)", [.int(id), .text(p)])
      }
      try ReportPlaces(sql).audit(
        at: at, operator: by, action: "supervision_group", scope: nil,
        detail: ["group": id, "supervisors": people.count])
      return id
    }
  }

  public func assignSupervision(group: Int64, places ids: [Int64], by: String, at: Instant) throws {
    try reportWrite { sql in
      guard let cadence = try sql.int("SELECT cadence FROM supervision_group WHERE id = ?", [.int(group)])
      else {
        throw ReportDeskError.unknownGroup(group)
      }
      let places = ReportPlaces(sql)
      for p in ids {
        guard try places.exists(p) else { throw ReportDeskError.unknownPlace(p) }
        try sql.run(
          "DELETE FROM supervision_target WHERE group_id = ? AND place_id = ?", [.int(group), .int(p)])
        try sql.run(
          "INSERT INTO supervision_target(group_id, place_id, last_contact, due_at) VALUES (?, ?, NULL, ?)",
          [.int(group), .int(p), .int(at.epochSeconds + cadence)])
        try places.audit(
          at: at, operator: by, action: "supervision_assign", scope: p, detail: ["group": group])
      }
    }
  }

  public func recordContact(id: String, group: Int64, place: Int64, note: String, by: String, at: Instant)
    throws
  {
    if let p = InputBounds.idProblem(id) { throw ReportDeskError.outOfBounds("--id: \(p)") }
    if note.count > 2000 { throw ReportDeskError.outOfBounds("--note: at most 2000 characters") }
    try reportWrite { sql in
      if let old = try sql.rows(
        "SELECT group_id, place_id, at FROM supervision_contact WHERE id = ?", [.text(id)]
      ).first {
        guard old[0].int == group, old[1].int == place, old[2].int == at.epochSeconds else {
          throw ReportDeskError.conflict(
            "contact id \(id) was already used for another contact; give a new --id")
        }
        return
      }
      guard let cadence = try sql.int("SELECT cadence FROM supervision_group WHERE id = ?", [.int(group)])
      else {
        throw ReportDeskError.unknownGroup(group)
      }
      guard
        try sql.int(
          "SELECT count(*) FROM supervision_target WHERE group_id = ? AND place_id = ?",
          [.int(group), .int(place)])
          == 1
      else {
        throw ReportDeskError.refused(
          "group \(group) is not assigned place \(place); assign it first (wangge supervise assign)")
      }
      try sql.run(
        "INSERT INTO supervision_contact(id, group_id, place_id, at, operator, note) VALUES (?, ?, ?, ?, ?, ?)",
        [.text(id), .int(group), .int(place), .int(at.epochSeconds), .text(by), .text(note)])
      let last =
        try sql.int(
          "SELECT max(at) FROM supervision_contact WHERE group_id = ? AND place_id = ?",
          [.int(group), .int(place)]) ?? at.epochSeconds
      try sql.run(
        "UPDATE supervision_target SET last_contact = ?, due_at = ? WHERE group_id = ? AND place_id = ?",
        [.int(last), .int(last + cadence), .int(group), .int(place)])
      try ReportPlaces(sql).audit(
        at: at, operator: by, action: "supervision_contact", scope: place, detail: ["group": group])
    }
  }

  public func supervision(at now: Instant) throws -> [SupervisionRow] {
    try reportRead { sql in
      var people: [Int64: [String]] = [:]
      for r in try sql.rows("SELECT group_id, name FROM supervisor ORDER BY group_id, name", []) {
        people[r[0].int ?? 0, default: []].append(r[1].text ?? "")
      }
      return try sql.rows(
        """
        SELECT g.id, g.name, g.cadence, t.place_id, t.last_contact, t.due_at FROM supervision_target t
        JOIN supervision_group g ON g.id = t.group_id ORDER BY t.due_at, g.id, t.place_id
        """, []
      ).map { r in
        let due = Instant(epochSeconds: r[5].int ?? 0)
        return SupervisionRow(
          groupID: r[0].int ?? 0, groupName: r[1].text ?? "", supervisors: people[r[0].int ?? 0] ?? [],
          placeID: r[3].int ?? 0, cadence: Span(seconds: r[2].int ?? 0),
          lastContact: r[4].int.map { Instant(epochSeconds: $0) }, dueAt: due, overdue: now > due)
      }
    }
  }
}
