import WanggeCore

/// The demo's returnees, expected arrivals and home-isolation cases (with their checks, due rows and
/// rollups), drawn from a random stream of their own so that every other demo row stays as it was.
/// About 8 returnees per thousand households, arrived over the 16 days before the anchor (high or
/// medium risk opens a case under the standard policy, checked twice a day, a few checks late and about
/// one active case in ten overdue at the anchor), and about 1.5 per thousand expected in the next days.
/// The `tiny` preset (and any preset under 10,000 households) gets none.
struct DemoIsolation {
  /// The rollups of one open place: `isolation_stats` counters, due cases per hour, releases per day.
  struct Rollup {
    var stats = [Int64](repeating: 0, count: ScreeningRules.statsColumns.count)
    var dueHours: [Int64: Int64] = [:]
    var releasedDays: [Int64: Int64] = [:]
  }

  var rng: SeededRandom
  let enabled: Bool
  var open: [Rollup]
  var nextCaseID: Int64 = 0
  var nextReturneeID: Int64 = 0
  var nextEvent = 0
  /// The name of the leader made last (the leader of the unit being written).
  var leaderName = ""
  var streams: [String: any RowStream] = [:]

  static let tables: [(table: String, columns: [String])] = [
    ("returnee", ["id", "household_id", "unit_id", "name", "origin", "arrived_day", "task_id", "event_id"]),
    ("arrival", ["household_id", "name", "unit_id", "origin", "day", "risk", "arrived_at", "event_id"]),
    (
      "isolation_case",
      [
        "id", "household_id", "unit_id", "name", "risk", "started_at", "ends_at", "opened_at", "cadence",
        "leader", "status", "last_check", "closed_at", "note", "source",
      ]
    ),
    ("isolation_check", ["case_id", "at", "event_id", "temperature", "symptoms", "seal"]),
    ("isolation_stats", ["place_id"] + ScreeningRules.statsColumns),
    ("isolation_due", ["place_id", "case_id", "due_at"]),
    ("isolation_due_hour", ["place_id", "hour", "count"]),
    ("isolation_day", ["place_id", "day", "released"]),
  ]

  static let origins = [
    "山东临沂", "吉林珲春", "辽宁大连", "黑龙江绥芬河", "北京朝阳", "河北石家庄", "上海浦东", "广东广州", "内蒙古满洲里",
    "吉林长春",
  ]

  init(sink: any TableSink, preset: DemoPreset, seed: UInt64, depth: Int) throws {
    rng = SeededRandom(seed: seed ^ 0x1507_A710_15EE_D5ED)
    enabled = preset.name != "tiny" && preset.households >= 10_000
    open = [Rollup](repeating: Rollup(), count: depth + 1)
    guard enabled else { return }
    for (table, columns) in Self.tables { streams[table] = try sink.rows(of: table, columns: columns) }
  }

  mutating func event(_ kind: String) -> String {
    nextEvent += 1
    return "demo-\(kind)-\(nextEvent)"
  }
}

extension DemoWriter {
  /// Adds `by` to counter `field` (``ScreeningRules/statsColumns``) of the unit and every ancestor.
  mutating func bumpIsolation(_ field: Int, by: Int64 = 1) {
    for d in 0...unitDepth { isolation.open[d].stats[field] += by }
  }

  /// Writes the returnees, arrivals and cases of the unit whose last `households` were just written.
  mutating func writeIsolation(unitID: Int64, households: Int) throws {
    (screening.households, screening.found) = (households, [])
    guard isolation.enabled else { return }
    let today = LocalDay(anchor).number
    for h in (nextHouseholdID - Int64(households) + 1)..<(nextHouseholdID + 1) {
      let r = isolation.rng.unit()
      if r < 0.008 {
        try writeReturnee(household: h, unitID: unitID)
      } else if r < 0.0095 {
        let name = ChineseNames.person(&isolation.rng)
        let risk = isolation.rng.chance(0.6) ? "high" : "medium"
        try isolation.streams["arrival"]!.int(h).text(name).int(unitID).text(
          isolation.rng.pick(DemoIsolation.origins)
        )
        .int(today + Int64(isolation.rng.below(4))).text(risk).putNullThen()
        .text(isolation.event("expect")).run()
        bumpIsolation(5)
      }
    }
  }

  mutating func writeReturnee(household h: Int64, unitID: Int64) throws {
    let name = ChineseNames.person(&isolation.rng)
    let origin = isolation.rng.pick(DemoIsolation.origins)
    let arrived = anchor.epochSeconds - Int64(isolation.rng.unit() * 16 * 86_400)
    let u = isolation.rng.unit()
    let risk: RiskLevel = u < 0.55 ? .high : (u < 0.85 ? .medium : .low)
    isolation.nextReturneeID += 1
    let eventID = isolation.event("arrival")
    try isolation.streams["returnee"]!.int(isolation.nextReturneeID).int(h).int(unitID).text(name).text(
      origin
    )
    .int(LocalDay(Instant(epochSeconds: arrived)).number).optionalInt(nil).text(eventID).run()
    bumpIsolation(4)
    if isolation.rng.chance(0.3) {
      try isolation.streams["arrival"]!.int(h).text(name).int(unitID).text(origin)
        .int(LocalDay(Instant(epochSeconds: arrived)).number).text(risk.rawValue).int(arrived)
        .text(isolation.event("expect")).run()
    }
    screening.found.append(
      DemoScreening.Found(household: h, name: name, from: origin, arrived: arrived, isolate: risk != .low))
    guard risk != .low else { return }
    try writeCase(household: h, unitID: unitID, name: name, risk: risk, start: arrived, source: eventID)
  }

  /// One case opened at `start` with its checks up to the anchor (or its release), its status,
  /// due rows for the unit and every ancestor, and its rollups.
  mutating func writeCase(
    household h: Int64, unitID: Int64, name: String, risk: RiskLevel, start: Int64, source: String
  )
    throws
  {
    let policy = IsolationPolicy.standard
    let cadence = policy.checkInterval
    let ends = policy.end(start: Instant(epochSeconds: start), risk: risk).epochSeconds
    let now = anchor.epochSeconds
    isolation.nextCaseID += 1
    let id = isolation.nextCaseID
    // Released a few hours after the end (a final check first), unless that is still to come.
    let releaseAt = ends + Int64(isolation.rng.unit() * 8 * 3600)
    var status = IsolationStatus.active
    var closedAt: Int64?
    if releaseAt <= now {
      let u = isolation.rng.unit()
      status = u < 0.92 ? .released : (u < 0.96 ? .transferred : .lost)
      closedAt = status == .released ? releaseAt : ends - Int64(isolation.rng.unit() * 3 * 86_400)
    }
    let stopAt = closedAt ?? now
    // Most active cases are checked up to the anchor; about one in ten has missed its last check.
    let lapse = status == .active && isolation.rng.chance(0.1)
    let lastPossible = lapse ? now - cadence - Int64(isolation.rng.unit() * 10 * 3600) : stopAt
    var checks: [Int64] = []
    var due = start + cadence
    while true {
      let late = isolation.rng.chance(0.04)
      let at =
        late
        ? due + 1 + Int64(isolation.rng.unit() * 5 * 3600) : due - Int64(isolation.rng.unit() * 2 * 3600)
      if at > lastPossible || at > stopAt { break }
      checks.append(at)
      due = at + cadence
    }
    if status == .released {
      // The final check on the end day, between the end and the release.
      let final = ends + Int64(isolation.rng.unit() * Double(releaseAt - ends))
      checks.removeAll { $0 >= final }
      checks.append(final)
    }
    let last = checks.last
    let window = now - 3 * 86_400
    let check = isolation.streams["isolation_check"]!
    for at in checks where at >= window || at == last {
      let tenths = 360 + isolation.rng.below(13)
      try check.int(id).int(at).text(isolation.event("check")).int(tenths).int(0).bool(
        !isolation.rng.chance(0.02)
      )
      .run()
    }
    try isolation.streams["isolation_case"]!.int(id).int(h).int(unitID).text(name).text(risk.rawValue).int(
      start
    )
    .int(ends).int(start).int(cadence).text(isolation.leaderName).int(status.rawValue).optionalInt(last)
    .optionalInt(closedAt).text("").text(source).run()
    switch status {
    case .active:
      let dueAt = (last ?? start) + cadence
      let hour = ScreeningRules.hour(dueAt)
      for d in 0...unitDepth {
        try isolation.streams["isolation_due"]!.int(idStack[d]).int(id).int(dueAt).run()
        isolation.open[d].dueHours[hour, default: 0] += 1
      }
      bumpIsolation(0)
    case .released:
      let day = LocalDay(Instant(epochSeconds: closedAt!)).number
      for d in 0...unitDepth { isolation.open[d].releasedDays[day, default: 0] += 1 }
      bumpIsolation(1)
    case .transferred: bumpIsolation(2)
    case .lost: bumpIsolation(3)
    }
  }

  /// Writes the isolation rollups of the place at `depth` (id `id`) as its subtree closes.
  mutating func closeIsolation(depth: Int, id: Int64) throws {
    guard isolation.enabled else { return }
    let r = isolation.open[depth]
    isolation.open[depth] = DemoIsolation.Rollup()
    if r.stats.contains(where: { $0 != 0 }) {
      let s = isolation.streams["isolation_stats"]!
      s.int(id)
      for v in r.stats { s.int(v) }
      try s.run()
    }
    for (hour, count) in r.dueHours.sorted(by: { $0.key < $1.key }) {
      try isolation.streams["isolation_due_hour"]!.int(id).int(hour).int(count).run()
    }
    for (day, count) in r.releasedDays.sorted(by: { $0.key < $1.key }) {
      try isolation.streams["isolation_day"]!.int(id).int(day).int(count).run()
    }
  }
}

extension RowStream {
  /// Adds an SQL NULL.
  @discardableResult fileprivate func putNullThen() -> Self {
    putNull()
    return self
  }
}
