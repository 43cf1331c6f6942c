import WanggeCore

/// The rules of screening results, arrivals and home isolation, engine-free: each engine's ingest
/// hands a finish's result (``applyFinish(task:unit:result:at:eventID:)``) or a ``ScreeningEvent``
/// (``apply(_:eventID:at:operator:)``) to these rules with its connection, inside the batch's
/// transaction. A refused change throws a ``FieldProblem`` (the batch is rolled back); an applied one
/// keeps `screening_tally`, `isolation_stats`, `isolation_due(_hour)` and `isolation_day` exact.
public struct ScreeningRules {
  let sql: any ScreeningSQL
  let registry: any RegistryAccess

  public init(sql: any ScreeningSQL, registry: any RegistryAccess) {
    self.sql = sql
    self.registry = registry
  }

  /// The meta key the isolation policy is kept under.
  public static let policyKey = "isolation_policy"

  /// The store's isolation policy (the standard one until set).
  public func policy() throws -> IsolationPolicy {
    try ScreeningQueries(sql: sql).policy()
  }

  // MARK: finishes

  /// Applies the screening result of a finish that changed the assignment (its earliest finish):
  /// replaces the counts a former result of the same assignment added, records the returnees and
  /// opens the isolation cases. A result without the schema's keys does nothing.
  public func applyFinish(task: Int64, unit: Int64, result: String?, at: Instant, eventID: String) throws {
    guard let result, let parsed = try ScreeningResult.parse(result, at: at) else { return }
    for (i, r) in parsed.returnees.enumerated() {
      try checkHousehold(r.household, unit: unit, field: "result.returnees[\(i)].household")
    }
    for (i, p) in parsed.isolate.enumerated() {
      try checkHousehold(p.household, unit: unit, field: "result.isolate[\(i)].household")
    }
    let chain = try registry.chain(of: unit)
    let groups = try leaderGroups(unit: unit)
    var kept: [Int: Int64] = [:]  // isolate index → the replaced result's case that stays
    if let old = try sql.query(
      """
      SELECT checked, returnees, isolate, problems, department_id, squad_id, event_id
      FROM screening_result WHERE task_id = ? AND unit_id = ?
      """,
      [.int(task), .int(unit)]
    ).first {
      let was = old[0..<4].map { -($0.int ?? 0) }
      try addTally(task: task, chain: chain, was)
      try addGroupTally(task: task, department: old[4].int, squad: old[5].int, was)
      try addStats(chain, returnees: was[1])
      try sql.execute(
        "DELETE FROM returnee WHERE task_id = ? AND unit_id = ?", [.int(task), .int(unit)])
      try sql.execute(
        "DELETE FROM screening_result WHERE task_id = ? AND unit_id = ?", [.int(task), .int(unit)])
      if let former = old[6].text {
        kept = try withdrawCases(of: former, keeping: parsed.isolate, chain: chain, eventID: eventID)
      }
    }
    let totals = ScreeningTotals(
      checked: Int64(parsed.checked), returnees: Int64(parsed.returnees.count),
      isolate: Int64(parsed.isolate.count), problems: Int64(parsed.problems.count))
    try sql.execute(
      """
      INSERT INTO screening_result(task_id, unit_id, checked, returnees, isolate, problems, department_id,
        squad_id, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
      """,
      [.int(task), .int(unit)] + totals.values.map { .int($0) } + [
        .of(groups.department), .of(groups.squad), .text(eventID),
      ])
    try addTally(task: task, chain: chain, totals.values)
    try addGroupTally(task: task, department: groups.department, squad: groups.squad, totals.values)
    for r in parsed.returnees {
      try insertReturnee(
        household: r.household, unit: unit, name: r.name, from: r.from, day: r.arrived, task: task,
        eventID: eventID)
    }
    try addStats(chain, returnees: Int64(parsed.returnees.count))
    let policy = try policy()
    for (i, p) in parsed.isolate.enumerated() where kept[i] == nil {
      _ = try openCase(
        household: p.household, unit: unit, chain: chain, name: p.name, risk: p.risk,
        start: p.start.map { max($0.start, Instant(epochSeconds: 0)) } ?? at, at: at, policy: policy,
        source: "\(eventID)#\(i)")
    }
  }

  /// The department and squad of the unit's leader now (nil without a leader).
  func leaderGroups(unit: Int64) throws -> (department: Int64?, squad: Int64?) {
    guard
      let r = try sql.query(
        "SELECT l.department_id, l.squad_id FROM unit u JOIN leader l ON l.id = u.leader_id WHERE u.place_id = ?",
        [.int(unit)]
      ).first
    else { return (nil, nil) }
    return (r[0].int, r[1].int)
  }

  /// Withdraws the cases a replaced result (finish event `former`) opened, with every rollup they
  /// moved, except those of a person the new result isolates again: those stay as they are (their
  /// checks kept) under the new finish's source. Returns the kept cases by isolate index.
  func withdrawCases(
    of former: String, keeping isolate: [ScreeningResult.ToIsolate], chain: [Int64], eventID: String
  ) throws -> [Int: Int64] {
    var kept: [Int: Int64] = [:]
    for r in try sql.query(
      """
      SELECT id, household_id, name, status, opened_at, cadence, last_check, closed_at FROM isolation_case
      WHERE source >= ? AND source < ? ORDER BY id
      """, [.text(former + "#"), .text(former + "$")])
    {
      let id = r[0].int ?? 0
      if let i = isolate.indices.first(where: {
        kept[$0] == nil && isolate[$0].household == r[1].int && isolate[$0].name == r[2].text
      }) {
        kept[i] = id
        try sql.execute(
          "UPDATE isolation_case SET source = ? WHERE id = ?", [.text("\(eventID)#\(i)"), .int(id)])
        continue
      }
      let status = IsolationStatus(rawValue: Int(r[3].int ?? 0)) ?? .active
      var d = StatsDelta()
      switch status {
      case .active:
        d.active = -1
        try moveDue(case: id, chain: chain, from: (r[6].int ?? (r[4].int ?? 0)) + (r[5].int ?? 0), to: nil)
      case .released:
        d.released = -1
        for p in chain {
          try sql.execute(
            "UPDATE isolation_day SET released = released - 1 WHERE place_id = ? AND day = ?",
            [.int(p), .int(LocalDay(Instant(epochSeconds: r[7].int ?? 0)).number)])
        }
      case .transferred: d.transferred = -1
      case .lost: d.lost = -1
      }
      d.symptoms =
        -(try sql.scalar(
          "SELECT count(*) FROM isolation_check WHERE case_id = ? AND symptoms = 1", [.int(id)])
        ?? 0)
      try add(d, chain)
      try sql.execute("DELETE FROM isolation_check WHERE case_id = ?", [.int(id)])
      try sql.execute("DELETE FROM isolation_case WHERE id = ?", [.int(id)])
    }
    return kept
  }

  // MARK: events

  /// The unit the event concerns (recorded with it), nil when it names nothing that exists.
  public func unit(of event: ScreeningEvent) throws -> Int64? {
    if let h = event.household { return try registry.household(id: h)?.unit }
    switch event {
    case .isolationCheck(let c, _, _, _), .isolationClosed(let c, _, _):
      return try sql.scalar("SELECT unit_id FROM isolation_case WHERE id = ?", [.int(c)])
    default: return nil
    }
  }

  /// Validates the event against the store and applies it; true when it changed something.
  public func apply(_ event: ScreeningEvent, eventID: String, at: Instant, operator who: String) throws
    -> Bool
  {
    switch event {
    case .arrivalExpected(let h, let name, let from, let day, let risk):
      let unit = try householdUnit(h)
      if try sql.scalar(
        "SELECT 1 FROM arrival WHERE household_id = ? AND name = ?", [.int(h), .text(name)]) != nil
      {
        return false
      }
      try sql.execute(
        """
        INSERT INTO arrival(household_id, name, unit_id, origin, day, risk, arrived_at, event_id)
        VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
        """,
        [
          .int(h), .text(name), .int(unit), .text(from), .int(day.number),
          risk.map { .text($0.rawValue) } ?? .null,
          .text(eventID),
        ])
      try addStats(try registry.chain(of: unit), expected: 1)
      return true

    case .arrived(let h, let name, let from, let risk):
      let unit = try householdUnit(h)
      let chain = try registry.chain(of: unit)
      var origin = from
      var level = risk
      if let row = try sql.query(
        "SELECT origin, risk, arrived_at FROM arrival WHERE household_id = ? AND name = ?",
        [.int(h), .text(name)]
      ).first {
        guard row[2] == .null else { return false }
        origin = origin ?? row[0].text
        level = level ?? row[1].text.flatMap(RiskLevel.init(rawValue:))
        try sql.execute(
          "UPDATE arrival SET arrived_at = ? WHERE household_id = ? AND name = ?",
          [.int(at.epochSeconds), .int(h), .text(name)])
        try addStats(chain, expected: -1)
      }
      guard let origin else {
        throw FieldProblem(
          field: "from",
          problem: "\(name) was not announced for household \(h); add where they came from, e.g. \"山东临沂\"")
      }
      try insertReturnee(
        household: h, unit: unit, name: name, from: origin, day: LocalDay(at), task: nil, eventID: eventID)
      try addStats(chain, returnees: 1)
      if let level, level != .low {
        _ = try openCase(
          household: h, unit: unit, chain: chain, name: name, risk: level, start: at, at: at,
          policy: try policy(),
          source: eventID)
      }
      return true

    case .isolationOpened(let h, let name, let risk, let start):
      let unit = try householdUnit(h)
      return try openCase(
        household: h, unit: unit, chain: try registry.chain(of: unit), name: name, risk: risk,
        start: start?.start ?? at, at: at, policy: try policy(), source: eventID)

    case .isolationCheck(let id, let tenths, let symptoms, let seal):
      let c = try activeCase(id)
      guard at >= c.openedAt else {
        throw FieldProblem(
          field: "at",
          problem:
            "before case \(id) was opened (\(InstantFormat.iso(c.openedAt))); give the time of the check")
      }
      let symptom = event.reportsSymptom
      try sql.execute(
        "INSERT INTO isolation_check(case_id, at, event_id, temperature, symptoms, seal) VALUES (?, ?, ?, ?, ?, ?)",
        [
          .int(id), .int(at.epochSeconds), .text(eventID), .of(tenths.map(Int64.init)), .int(symptom ? 1 : 0),
          .int(seal ? 1 : 0),
        ])
      let chain = try registry.chain(of: c.unit)
      if symptom {
        try addStats(chain, symptoms: 1)
        try openGreenChannel(c, chain: chain, at: at, eventID: eventID, operator: who)
      }
      guard c.lastCheck.map({ at.epochSeconds > $0 }) ?? true else { return true }
      try sql.execute(
        "UPDATE isolation_case SET last_check = ? WHERE id = ?", [.int(at.epochSeconds), .int(id)])
      try moveDue(case: id, chain: chain, from: c.dueAt, to: at.epochSeconds + c.cadence)
      return true

    case .isolationClosed(let id, let status, let note):
      let c = try activeCase(id)
      guard status != .active else { return false }
      if status == .released {
        let endDay = LocalDay(Instant(epochSeconds: c.endsAt)).start
        guard at >= endDay else {
          throw FieldProblem(
            field: "at",
            problem:
              "case \(id) ends on \(LocalDay(Instant(epochSeconds: c.endsAt)).iso); release it on that day or later"
          )
        }
        guard let last = c.lastCheck, last >= endDay.epochSeconds else {
          throw FieldProblem(
            field: "case",
            problem:
              "case \(id) has no final check on its end day \(LocalDay(Instant(epochSeconds: c.endsAt)).iso); "
              + "record a check (isolation_check) first, then release it")
        }
      }
      try sql.execute(
        "UPDATE isolation_case SET status = ?, closed_at = ?, note = ? WHERE id = ?",
        [.int(Int64(status.rawValue)), .int(at.epochSeconds), .text(note), .int(id)])
      let chain = try registry.chain(of: c.unit)
      try moveDue(case: id, chain: chain, from: c.dueAt, to: nil)
      var d = StatsDelta()
      d.active = -1
      switch status {
      case .released: d.released = 1
      case .transferred: d.transferred = 1
      case .lost: d.lost = 1
      case .active: break
      }
      try add(d, chain)
      if status == .released {
        for p in chain {
          try sql.execute(
            """
            INSERT INTO isolation_day(place_id, day, released) VALUES (?, ?, 1)
            ON CONFLICT(place_id, day) DO UPDATE SET released = isolation_day.released + 1
            """, [.int(p), .int(LocalDay(at).number)])
        }
      }
      return true
    }
  }

  // MARK: helpers

  /// An active case as the rules need it.
  struct ActiveCase {
    var id: Int64
    var household: Int64
    var unit: Int64
    var name: String
    var openedAt: Instant
    var cadence: Int64
    var lastCheck: Int64?
    var endsAt: Int64
    var leader: String
    var dueAt: Int64 { (lastCheck ?? openedAt.epochSeconds) + cadence }
  }

  func activeCase(_ id: Int64) throws -> ActiveCase {
    guard
      let r = try sql.query(
        """
        SELECT household_id, unit_id, name, opened_at, cadence, last_check, ends_at, leader, status
        FROM isolation_case WHERE id = ?
        """, [.int(id)]
      ).first
    else {
      throw FieldProblem(
        field: "case", problem: "no isolation case has id \(id); list them with `wangge isolation list`")
    }
    let status = IsolationStatus(rawValue: Int(r[8].int ?? 0)) ?? .active
    guard status == .active else {
      throw FieldProblem(
        field: "case", problem: "case \(id) is already \(status.englishName) (\(status.chineseName))")
    }
    return ActiveCase(
      id: id, household: r[0].int ?? 0, unit: r[1].int ?? 0, name: r[2].text ?? "",
      openedAt: Instant(epochSeconds: r[3].int ?? 0), cadence: r[4].int ?? 43_200, lastCheck: r[5].int,
      endsAt: r[6].int ?? 0, leader: r[7].text ?? "")
  }

  func householdUnit(_ h: Int64) throws -> Int64 {
    guard let unit = try registry.household(id: h)?.unit else {
      throw FieldProblem(field: "household", problem: "no household has id \(h)")
    }
    return unit
  }

  func checkHousehold(_ h: Int64, unit: Int64, field: String) throws {
    guard let found = try registry.household(id: h)?.unit else {
      throw FieldProblem(field: field, problem: "no household has id \(h); give a household of unit \(unit)")
    }
    guard found == unit else {
      throw FieldProblem(
        field: field,
        problem: "household \(h) is in unit \(found), not in unit \(unit); give a household of this unit")
    }
  }

  func insertReturnee(
    household: Int64, unit: Int64, name: String, from: String, day: LocalDay, task: Int64?, eventID: String
  ) throws {
    try sql.execute(
      "INSERT INTO returnee(household_id, unit_id, name, origin, arrived_day, task_id, event_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
      [.int(household), .int(unit), .text(name), .text(from), .int(day.number), .of(task), .text(eventID)])
  }

  /// Opens a case (once per `source`); true when it was opened.
  func openCase(
    household: Int64, unit: Int64, chain: [Int64], name: String, risk: RiskLevel, start: Instant, at: Instant,
    policy: IsolationPolicy, source: String
  ) throws -> Bool {
    if try sql.scalar("SELECT 1 FROM isolation_case WHERE source = ?", [.text(source)]) != nil {
      return false
    }
    let leader = try registry.unitLeader(unit).flatMap { try registry.leader(id: $0)?.name } ?? ""
    let ends = policy.end(start: start, risk: risk)
    let cadence = policy.checkInterval
    guard
      let id = try sql.query(
        """
        INSERT INTO isolation_case(household_id, unit_id, name, risk, started_at, ends_at, opened_at, cadence,
          leader, status, last_check, closed_at, note, source)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL, '', ?) RETURNING id
        """,
        [
          .int(household), .int(unit), .text(name), .text(risk.rawValue), .int(start.epochSeconds),
          .int(ends.epochSeconds), .int(at.epochSeconds), .int(cadence), .text(leader), .text(source),
        ]
      ).first?.first?.int
    else { throw FieldProblem(field: "case", problem: "the case could not be recorded") }
    try moveDue(case: id, chain: chain, from: nil, to: at.epochSeconds + cadence)
    var d = StatsDelta()
    d.active = 1
    try add(d, chain)
    return true
  }

  /// Moves the case's due rows (one per place of `chain`) and hour counts from `from` to `to` (nil: none).
  func moveDue(case id: Int64, chain: [Int64], from: Int64?, to: Int64?) throws {
    for p in chain {
      if let from {
        try sql.execute("DELETE FROM isolation_due WHERE place_id = ? AND case_id = ?", [.int(p), .int(id)])
        try sql.execute(
          "UPDATE isolation_due_hour SET count = count - 1 WHERE place_id = ? AND hour = ?",
          [.int(p), .int(Self.hour(from))])
      }
      if let to {
        try sql.execute(
          "INSERT INTO isolation_due(place_id, case_id, due_at) VALUES (?, ?, ?)",
          [.int(p), .int(id), .int(to)])
        try sql.execute(
          """
          INSERT INTO isolation_due_hour(place_id, hour, count) VALUES (?, ?, 1)
          ON CONFLICT(place_id, hour) DO UPDATE SET count = isolation_due_hour.count + 1
          """, [.int(p), .int(Self.hour(to))])
      }
    }
  }

  /// The hour an instant (epoch seconds) falls in, rounding down also before 1970.
  static func hour(_ t: Int64) -> Int64 { t >= 0 ? t / 3600 : (t - 3599) / 3600 }

  /// A symptom at a check opens the household's green channel (绿色通道) the way a `green` event does:
  /// the help case is marked green (made first, with the case's leader as helper, when the household
  /// has none) and `place_stats.green_open` rises in every ancestor; audited.
  func openGreenChannel(_ c: ActiveCase, chain: [Int64], at: Instant, eventID: String, operator who: String)
    throws
  {
    var stats = PlaceStats()
    if var help = try registry.helpCase(household: c.household) {
      guard !help.green else { return }
      help.green = true
      try registry.putHelpCase(help, create: false)
    } else {
      let help = StoredHelpCase(
        householdID: c.household, mode: .phone, helper: c.leader, cadence: c.cadence, lastVisit: nil,
        openedAt: at.epochSeconds, green: true, needs: "隔离症状")
      try registry.putHelpCase(help, create: true)
      try registry.moveHelpDue(household: c.household, chain: chain, old: nil, new: help.dueAt)
      stats.helpCases = 1
    }
    stats.greenOpen = 1
    try registry.addStats(Dictionary(uniqueKeysWithValues: chain.map { ($0, stats) }))
    try registry.audit(
      operator: who, at: at, action: "green_open", scope: c.unit,
      detail: "event \(eventID): symptom at the check of isolation case \(c.id)")
  }

  /// A change to `isolation_stats`.
  struct StatsDelta {
    var active: Int64 = 0
    var released: Int64 = 0
    var transferred: Int64 = 0
    var lost: Int64 = 0
    var returnees: Int64 = 0
    var expected: Int64 = 0
    var symptoms: Int64 = 0
    var values: [Int64] { [active, released, transferred, lost, returnees, expected, symptoms] }
  }

  /// `isolation_stats`'s counters, in ``StatsDelta/values`` order.
  public static let statsColumns = [
    "active", "released", "transferred", "lost", "returnees", "expected", "symptoms",
  ]

  func add(_ d: StatsDelta, _ chain: [Int64]) throws {
    guard d.values.contains(where: { $0 != 0 }) else { return }
    let cols = Self.statsColumns
    let sets = cols.map { "\($0) = isolation_stats.\($0) + excluded.\($0)" }.joined(separator: ", ")
    for p in chain {
      try sql.execute(
        """
        INSERT INTO isolation_stats(place_id, \(cols.joined(separator: ", ")))
        VALUES (?, \(cols.map { _ in "?" }.joined(separator: ", ")))
        ON CONFLICT(place_id) DO UPDATE SET \(sets)
        """, [.int(p)] + d.values.map { .int($0) })
    }
  }

  func addStats(_ chain: [Int64], returnees: Int64 = 0, expected: Int64 = 0, symptoms: Int64 = 0) throws {
    var d = StatsDelta()
    d.returnees = returnees
    d.expected = expected
    d.symptoms = symptoms
    try add(d, chain)
  }

  /// `screening_tally`'s counters.
  public static let tallyColumns = ["checked", "returnees", "isolate", "problems"]

  /// Adds `values` to the department's (kind 0) and squad's (kind 1) `screening_group_tally` rows.
  func addGroupTally(task: Int64, department: Int64?, squad: Int64?, _ values: [Int64]) throws {
    guard values.contains(where: { $0 != 0 }) else { return }
    let cols = Self.tallyColumns
    let sets = cols.map { "\($0) = screening_group_tally.\($0) + excluded.\($0)" }.joined(separator: ", ")
    for (kind, group) in [(Int64(0), department), (1, squad)] {
      guard let group else { continue }
      try sql.execute(
        """
        INSERT INTO screening_group_tally(kind, group_id, task_id, \(cols.joined(separator: ", ")))
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(kind, group_id, task_id) DO UPDATE SET \(sets)
        """, [.int(kind), .int(group), .int(task)] + values.map { .int($0) })
    }
  }

  func addTally(task: Int64, chain: [Int64], _ values: [Int64]) throws {
    guard values.contains(where: { $0 != 0 }) else { return }
    let cols = Self.tallyColumns
    let sets = cols.map { "\($0) = screening_tally.\($0) + excluded.\($0)" }.joined(separator: ", ")
    for p in chain {
      try sql.execute(
        """
        INSERT INTO screening_tally(place_id, task_id, \(cols.joined(separator: ", "))) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT(place_id, task_id) DO UPDATE SET \(sets)
        """, [.int(p), .int(task)] + values.map { .int($0) })
    }
  }
}
