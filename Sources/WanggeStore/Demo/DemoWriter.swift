import WanggeCore

/// The depth-first pass that writes a deterministic demo grid into any engine's ``TableSink``: places,
/// people, households, help cases, a few days of task history and every rollup (each place's rollups
/// when its subtree closes). Same preset, seed and anchor: the same rows, in the same order.
/// Memory grows with the number of places, never with households.
///
/// Tables it does not write, which the engine derives after the load: `help_due_hour` (from
/// `help_due`) and `task_sequence` (the highest task id).
public struct DemoWriter {
  let sink: any TableSink
  let preset: DemoPreset
  let anchor: Instant
  let unitDepth: Int
  let progress: (Int) -> Void
  var rng: SeededRandom
  /// Returnees, arrivals and isolation cases, from a random stream of their own (DemoWriter+Isolation).
  var isolation: DemoIsolation
  var screening: DemoScreening

  /// childCounts[d][i]: children of the i-th place at depth d.
  var childCounts: [[Int]] = []
  var childStart: [[Int]] = []
  var householdsPerUnit: [Int] = []
  var forcedNames: [Int: [Int: String]] = [:]

  var nextPlaceID: Int64 = 0
  var nextHouseholdID: Int64 = 0
  var nextLeaderID: Int64 = 0
  var nextVolunteerID: Int64 = 0
  var phoneCounter = 0
  var idStack: [Int64]
  var levelIndexStack: [Int]
  var taskScopeIDs: [Int64?]
  var leaderDepartment: [Int32] = []
  var departmentSquadBase: [Int64] = []
  var departmentSquadCount: [Int] = []
  var departmentCounter: [Int] = []
  var sharedLeaderSampler: ExactSampler
  var groupSampler: ExactSampler
  var communityNames: [String] = []
  /// Reused UTF-8 scratch space for names, phones and rooms on the hot path.
  var scratch: [UInt8] = []

  /// What has been written so far (rows per kind).
  public private(set) var summary = DemoSummary()

  // One row stream per table.
  let insertLevel: any RowStream
  let insertMeta: any RowStream
  let insertDepartment: any RowStream
  let insertSquad: any RowStream
  let insertPlace: any RowStream
  let insertStats: any RowStream
  let insertTally: any RowStream
  let insertLevelCount: any RowStream
  let insertUnit: any RowStream
  let insertHousehold: any RowStream
  let insertHelp: any RowStream
  let insertDue: any RowStream
  let insertAssignment: any RowStream
  let insertLeader: any RowStream
  let insertVolunteer: any RowStream
  let insertTask: any RowStream

  /// Rollups collected for one open subtree.
  struct Accumulator {
    var stats = PlaceStats()
    var tallies: [TaskTally]
    var levelCounts: [Int]
  }

  /// The tables a demo writes, with their columns (in the order of each row's fields).
  public static let tables: [(table: String, columns: [String])] = [
    ("level", ["depth", "name"]),
    ("meta", ["key", "value"]),
    ("department", ["id", "name"]),
    ("squad", ["id", "department_id", "name", "leader_name"]),
    ("place", ["id", "parent_id", "depth", "name", "has_station"]),
    ("place_stats", ["place_id"] + PlaceStats.columns),
    (
      "task_tally",
      ["place_id", "task_id", "assigned", "acked", "acked_on_time", "finished", "finished_on_time"]
    ),
    ("level_count", ["place_id", "depth", "count"]),
    ("unit", ["place_id", "leader_id", "group_built"]),
    ("household", ["id", "unit_id", "room", "head_name", "phone", "size", "reach", "flags"]),
    (
      "help_case",
      ["household_id", "mode", "helper_name", "cadence", "last_visit", "opened_at", "green", "needs"]
    ),
    ("help_due", ["place_id", "household_id", "due_at"]),
    ("assignment", ["task_id", "unit_id", "acked_at", "finished_at", "result"]),
    ("leader", ["id", "name", "phone", "department_id", "squad_id", "home"]),
    ("volunteer", ["id", "name", "phone", "party_member", "place_id"]),
    ("task", ["id", "type", "title", "details", "scope_id", "issued_at", "ack_within", "finish_within"]),
  ]

  /// A writer of `preset`'s grid into `sink` (which opens one stream per table of ``tables``).
  /// `progress` receives the number of households written so far.
  public init(
    into sink: any TableSink, preset: DemoPreset, seed: UInt64, anchor: Instant,
    progress: @escaping (Int) -> Void
  ) throws {
    self.sink = sink
    self.preset = preset
    self.anchor = anchor
    self.progress = progress
    unitDepth = preset.levels.unitDepth
    rng = SeededRandom(seed: seed)
    idStack = [Int64](repeating: 0, count: unitDepth + 1)
    levelIndexStack = [Int](repeating: 0, count: unitDepth + 1)
    taskScopeIDs = [Int64?](repeating: nil, count: preset.tasks.count)
    let units = preset.placesPerDepth.last!
    sharedLeaderSampler = ExactSampler(choose: 0, of: 0)
    groupSampler = ExactSampler(choose: preset.groupsBuilt ?? (units - units / 100), of: units)
    var streams: [String: any RowStream] = [:]
    for (table, columns) in Self.tables { streams[table] = try sink.rows(of: table, columns: columns) }
    insertLevel = streams["level"]!
    insertMeta = streams["meta"]!
    insertDepartment = streams["department"]!
    insertSquad = streams["squad"]!
    insertPlace = streams["place"]!
    insertStats = streams["place_stats"]!
    insertTally = streams["task_tally"]!
    insertLevelCount = streams["level_count"]!
    insertUnit = streams["unit"]!
    insertHousehold = streams["household"]!
    insertHelp = streams["help_case"]!
    insertDue = streams["help_due"]!
    insertAssignment = streams["assignment"]!
    insertLeader = streams["leader"]!
    insertVolunteer = streams["volunteer"]!
    insertTask = streams["task"]!
    isolation = try DemoIsolation(sink: sink, preset: preset, seed: seed, depth: unitDepth)
    screening = try DemoScreening(sink: sink, enabled: isolation.enabled, depth: unitDepth)
  }

  /// Writes the whole grid; returns what was written.
  @discardableResult public mutating func run() throws -> DemoSummary {
    try writeLevelsAndMeta()
    planTree()
    try writeDepartments()
    var rootAcc = newAccumulator()
    try visit(depth: 0, levelIndex: 0, parentID: nil, name: preset.rootName, into: &rootAcc)
    try closeScreeningGroups()
    try writeTasks()
    progress(Int(nextHouseholdID))
    summary.places = Int(nextPlaceID)
    summary.households = Int(nextHouseholdID)
    summary.leaders = Int(nextLeaderID)
    return summary
  }

  func newAccumulator() -> Accumulator {
    Accumulator(
      tallies: [TaskTally](repeating: TaskTally(), count: preset.tasks.count),
      levelCounts: [Int](repeating: 0, count: unitDepth + 1))
  }

  // MARK: plan

  mutating func writeLevelsAndMeta() throws {
    for (depth, name) in preset.levels.names.enumerated() {
      try insertLevel.int(depth).text(name).run()
    }
    let meta: [(String, String)] = [
      ("preset", preset.name), ("anchor", InstantFormat.iso(anchor)), ("demo", "1"),
      ("station_depth", preset.levels.stationDepth.map(String.init) ?? ""),
    ]
    for (k, v) in meta { try insertMeta.text(k).text(v).run() }
  }

  mutating func planTree() {
    childCounts = [[preset.placesPerDepth[0]]]
    for d in 1..<unitDepth {
      childCounts.append(
        CountSplitter.split(
          preset.placesPerDepth[d], into: preset.placesPerDepth[d - 1], spread: 0.6, rng: &rng))
    }
    // Force the documented example path (e.g. 河北街道/水映花城社区/…/12号楼/3单元) into existence.
    var parentIndex = 0
    for step in preset.examplePath {
      let start = childCounts[step.depth - 1][0..<parentIndex].reduce(0, +)
      let index = start + step.position
      if let name = step.name { forcedNames[step.depth, default: [:]][index] = name }
      if step.depth < unitDepth, step.minChildren > 1 {
        CountSplitter.ensure(&childCounts[step.depth], index: index, minimum: step.minChildren)
      }
      parentIndex = index
    }
    for (i, name) in preset.depthOneNames.enumerated() { forcedNames[1, default: [:]][i] = name }
    childStart = childCounts.map { counts in
      var acc = 0
      return counts.map { c in
        defer { acc += c }
        return acc
      }
    }
    // A shared leader leads unit 2k+1 as well as unit 2k of the same building: never three units.
    let pairable = childCounts[unitDepth - 1].reduce(0) { $0 + $1 / 2 }
    let units = preset.placesPerDepth.last!
    precondition(units - preset.leaders <= pairable, "too few units to pair for \(preset.leaders) leaders")
    sharedLeaderSampler = ExactSampler(choose: units - preset.leaders, of: pairable)
    householdsPerUnit = CountSplitter.split(
      preset.households, into: preset.placesPerDepth.last!, spread: 0.75, rng: &rng)
  }

  mutating func writeDepartments() throws {
    let fixed = preset.fixedDepartments
    let others = preset.departments - fixed.count
    let otherLeaders = preset.leaders - fixed.map(\.leaders).reduce(0, +)
    var counts = fixed.map(\.leaders)
    counts += CountSplitter.split(otherLeaders, into: others, spread: 0.6, rng: &rng)
    var names = fixed.map(\.name)
    var i = 0
    while names.count < preset.departments {
      let n = ChineseNames.department(i)
      if !names.contains(n) { names.append(n) }
      i += 1
    }
    var squadID: Int64 = 0
    for (d, name) in names.enumerated() {
      try insertDepartment.int(d + 1).text(name).run()
      let squads =
        d < fixed.count ? (fixed[d].squads ?? max(1, (counts[d] + 9) / 10)) : max(1, (counts[d] + 9) / 10)
      departmentSquadBase.append(squadID + 1)
      departmentSquadCount.append(squads)
      for s in 0..<squads {
        squadID += 1
        try insertSquad.int(squadID).int(d + 1).text("第\(s + 1)组").text(ChineseNames.person(&rng)).run()
      }
    }
    departmentCounter = [Int](repeating: 0, count: names.count)
    leaderDepartment.reserveCapacity(preset.leaders)
    for (d, c) in counts.enumerated() {
      leaderDepartment.append(contentsOf: repeatElement(Int32(d), count: c))
    }
    for i in stride(from: leaderDepartment.count - 1, to: 0, by: -1) {
      leaderDepartment.swapAt(i, rng.below(i + 1))
    }
  }

  // MARK: tree

  mutating func visit(
    depth: Int, levelIndex: Int, parentID: Int64?, name: String, into parent: inout Accumulator
  )
    throws
  {
    nextPlaceID += 1
    let id = nextPlaceID
    idStack[depth] = id
    levelIndexStack[depth] = levelIndex
    let isStation = preset.levels.stationDepth == depth
    try insertPlace.int(id).optionalInt(parentID).int(depth).text(name).bool(isStation).run()
    for (t, task) in preset.tasks.enumerated() where task.scopeDepth == depth && task.scopeIndex == levelIndex
    {
      taskScopeIDs[t] = id
    }
    if depth == 2 { communityNames.append(name) }
    var acc = newAccumulator()
    if isStation { acc.stats.stations = 1 }
    if depth == unitDepth - 1 {
      try writeUnits(of: levelIndex, buildingID: id, into: &acc)
    } else {
      let count = childCounts[depth][levelIndex]
      let start = childStart[depth][levelIndex]
      var taken = Set<String>()
      for position in 0..<count {
        let childIndex = start + position
        let childName = childName(depth: depth + 1, levelIndex: childIndex, position: position, taken: &taken)
        try visit(depth: depth + 1, levelIndex: childIndex, parentID: id, name: childName, into: &acc)
      }
    }
    if isStation { try writeVolunteers(placeID: id, households: Int(acc.stats.households)) }
    try close(id: id, acc: acc)
    try closeIsolation(depth: depth, id: id)
    try closeScreening(depth: depth, id: id)
    parent.stats.add(acc.stats)
    for t in acc.tallies.indices { parent.tallies[t].add(acc.tallies[t]) }
    for d in acc.levelCounts.indices { parent.levelCounts[d] += acc.levelCounts[d] }
    parent.levelCounts[depth] += 1
  }

  mutating func childName(depth: Int, levelIndex: Int, position: Int, taken: inout Set<String>) -> String {
    if let forced = forcedNames[depth]?[levelIndex] {
      taken.insert(forced)
      return forced
    }
    let level = preset.levels.name(at: depth)
    switch level {
    case "楼栋": return "\(position + 1)号楼"
    case "小区": return ChineseNames.place(&rng, suffix: rng.pick(ChineseNames.compoundSuffixes), taken: &taken)
    case "居民委": return ChineseNames.place(&rng, suffix: "居民委", taken: &taken)
    default: return ChineseNames.place(&rng, suffix: level, taken: &taken)
    }
  }

  func insertStatsRow(_ id: Int64, _ s: PlaceStats) throws {
    insertStats.int(id)
    for v in s.values { insertStats.int(v) }
    try insertStats.run()
  }

  mutating func close(id: Int64, acc: Accumulator) throws {
    try insertStatsRow(id, acc.stats)
    for (t, tally) in acc.tallies.enumerated() where tally.assigned > 0 {
      try insertTally.int(id).int(t + 1).int(tally.assigned).int(tally.acknowledged)
        .int(tally.acknowledgedOnTime).int(tally.finished).int(tally.finishedOnTime).run()
    }
    for (d, c) in acc.levelCounts.enumerated() where c > 0 {
      try insertLevelCount.int(id).int(d).int(c).run()
    }
  }

  mutating func writeUnits(of buildingIndex: Int, buildingID: Int64, into acc: inout Accumulator) throws {
    let count = childCounts[unitDepth - 1][buildingIndex]
    let start = childStart[unitDepth - 1][buildingIndex]
    var leaderID: Int64 = 0
    for position in 0..<count {
      nextPlaceID += 1
      let unitID = nextPlaceID
      idStack[unitDepth] = unitID
      try insertPlace.int(unitID).int(buildingID).int(unitDepth).text("\(position + 1)单元").bool(false).run()
      var unit = PlaceStats()
      unit.units = 1
      // Every unit has exactly one leader; a leader of two units counts once in the building and above.
      let shared = position % 2 == 1 && sharedLeaderSampler.next(&rng)
      if !shared { leaderID = try newLeader() }
      unit.leaders = 1
      let groupBuilt = groupSampler.next(&rng)
      if groupBuilt { unit.groupsBuilt = 1 }
      try insertUnit.int(unitID).int(leaderID).bool(groupBuilt).run()
      summary.units += 1
      try writeHouseholds(
        unitID: unitID, count: householdsPerUnit[start + position], groupBuilt: groupBuilt, into: &unit)
      try insertStatsRow(unitID, unit)
      try writeIsolation(unitID: unitID, households: householdsPerUnit[start + position])
      try closeIsolation(depth: unitDepth, id: unitID)
      acc.stats.add(unit)
      if shared { acc.stats.leaders -= 1 }
      acc.levelCounts[unitDepth] += 1
      try writeAssignments(unitID: unitID, leaderID: leaderID, into: &acc)
    }
  }

  mutating func newLeader() throws -> Int64 {
    nextLeaderID += 1
    let id = nextLeaderID
    let dept = Int(leaderDepartment[Int(id - 1)])
    let squad = departmentSquadBase[dept] + Int64(departmentCounter[dept] % departmentSquadCount[dept])
    departmentCounter[dept] += 1
    (screening.department, screening.squad) = (Int64(dept + 1), squad)
    phoneCounter += 1
    let home = communityNames.isEmpty ? preset.rootName : rng.pick(communityNames)
    isolation.leaderName = ChineseNames.person(&rng)
    try insertLeader.int(id).text(isolation.leaderName).text(ChineseNames.phone(phoneCounter)).int(
      dept + 1
    )
    .int(squad).text(home).run()
    return id
  }

  mutating func writeHouseholds(unitID: Int64, count: Int, groupBuilt: Bool, into unit: inout PlaceStats)
    throws
  {
    let perFloor = count > 20 ? 2 : (count > 6 ? 2 : 1)
    for k in 0..<count {
      nextHouseholdID += 1
      let hid = nextHouseholdID
      let floor = k / perFloor + 1
      let size = 1 + rng.below(3) + (rng.chance(0.3) ? 1 : 0)
      var flags = VulnerabilityFlags()
      let help = rng.chance(preset.helpRate)
      var cadenceDays: Int64 = 3
      var mode = ServiceMode.phone
      if help {
        let r = rng.unit()
        if r < 0.45 {
          flags = [.elderlyAlone]
          if rng.chance(0.5) { flags.insert(.noSmartphone) }
          cadenceDays = 2
          mode = rng.chance(0.5) ? .homeVisit : .pairedHelper
        } else if r < 0.7 {
          flags = [.disabledOrChronic]
          mode = .pairedHelper
        } else if r < 0.85 {
          flags = [.homeIsolation]
          cadenceDays = 1
          mode = .group
        } else if r < 0.95 {
          flags = [.noSmartphone]
          mode = .phone
        } else {
          flags = [.longVacant]
          cadenceDays = 7
          mode = .phone
        }
      } else if rng.chance(0.01) {
        flags = [.noSmartphone]
      } else if rng.chance(0.004) {
        flags = [.longVacant]
      }
      let reach: Reachability
      let r = rng.unit()
      if flags.contains(.noSmartphone) || !groupBuilt {
        reach = r < 0.75 ? .phoneOnly : .notReached
      } else {
        reach = r < 0.9 ? .inGroup : (r < 0.97 ? .phoneOnly : .notReached)
      }
      phoneCounter += 1
      insertHousehold.int(hid).int(unitID)
      ChineseNames.digits(floor * 100 + k % perFloor + 1, into: &scratch)  // room such as 1201
      insertHousehold.utf8(scratch)
      ChineseNames.person(into: &scratch, &rng)
      insertHousehold.utf8(scratch)
      ChineseNames.digits(ChineseNames.phoneBase + phoneCounter, into: &scratch)  // fictional 140…
      insertHousehold.utf8(scratch)
      try insertHousehold.int(size).int(reach.rawValue).int(flags.rawValue).run()
      unit.households += 1
      unit.people += Int64(size)
      if reach == .inGroup { unit.reachedGroup += 1 }
      if reach == .phoneOnly { unit.reachedPhone += 1 }
      if help {
        let cadence = Span.days(cadenceDays)
        let opened = anchor - Span.days(10)
        let last = anchor - Span(seconds: Int64(Double(cadence.seconds) * 1.4 * rng.unit()))
        let green = rng.chance(0.03)
        try insertHelp.int(hid).int(mode.rawValue).text(ChineseNames.person(&rng)).int(cadence.seconds)
          .int(last.epochSeconds).int(opened.epochSeconds).bool(green).text(rng.pick(ChineseNames.needs))
          .run()
        summary.helpCases += 1
        let due = (last + cadence).epochSeconds
        for d in 0...unitDepth { try insertDue.int(idStack[d]).int(hid).int(due).run() }
        unit.helpCases += 1
        if green { unit.greenOpen += 1 }
      }
      if hid % 65_536 == 0 { progress(Int(hid)) }
    }
  }

  mutating func writeVolunteers(placeID: Int64, households: Int) throws {
    for _ in 0..<max(1, households / 35) {
      nextVolunteerID += 1
      phoneCounter += 1
      try insertVolunteer.int(nextVolunteerID).text(ChineseNames.person(&rng)).text(
        ChineseNames.phone(phoneCounter)
      ).bool(rng.chance(0.6)).int(placeID).run()
    }
  }

  // MARK: task history

  mutating func writeAssignments(unitID: Int64, leaderID: Int64, into acc: inout Accumulator) throws {
    // Each leader has a steady diligence, so rankings of leaders, squads and departments mean something.
    var leaderRng = SeededRandom(seed: UInt64(leaderID) &* 0x2545_F491_4F6C_DD1D)
    let diligence = leaderRng.unit()
    for (t, task) in preset.tasks.enumerated() {
      guard levelIndexStack[task.scopeDepth] == task.scopeIndex else { continue }
      let issued = anchor - Span(seconds: Int64(task.hoursBeforeAnchor * 3600))
      let ackWindow = task.type.defaultAckWindow.seconds
      let finishWindow = task.type.defaultFinishWindow.seconds
      var ack: Int64?
      var finish: Int64?
      let r = rng.unit()
      if r >= 0.02 + 0.05 * (1 - diligence) {
        let late = rng.chance(0.04 + 0.2 * (1 - diligence))
        let u = rng.unit()
        let delay = late ? ackWindow + 1 + Int64(u * Double(ackWindow)) : Int64(u * u * Double(ackWindow))
        ack = issued.epochSeconds + delay
        if !rng.chance(0.03) {
          let lateFinish = rng.chance(0.06 + 0.15 * (1 - diligence))
          let v = rng.unit()
          let deadline = issued.epochSeconds + finishWindow
          let f =
            lateFinish
            ? deadline + 1 + Int64(v * 6 * 3600)
            : ack! + Int64(v * Double(max(0, deadline - ack!)))
          finish = max(f, ack!)
        }
      }
      if let a = ack, a > anchor.epochSeconds { ack = nil }
      if let f = finish, f > anchor.epochSeconds || ack == nil { finish = nil }
      var result: String? =
        finish == nil
        ? nil : "{\"checked\":\(rng.below(30) + 1),\"from_risk_areas\":\(rng.chance(0.05) ? 1 : 0)}"
      if let f = finish, task.type == .screening {
        result = try screeningResult(task: t, unitID: unitID, finish: f) ?? result
      }
      try insertAssignment.int(t + 1).int(unitID).optionalInt(ack).optionalInt(finish).optionalText(result)
        .run()
      summary.assignments += 1
      let deadlines = Deadlines(
        ack: issued + Span(seconds: ackWindow), finish: issued + Span(seconds: finishWindow))
      acc.tallies[t].count(
        Assignment(
          taskID: Int64(t + 1), unitID: unitID, ackedAt: ack.map(Instant.init(epochSeconds:)),
          finishedAt: finish.map(Instant.init(epochSeconds:))), deadlines: deadlines)
    }
  }

  mutating func writeTasks() throws {
    for (t, task) in preset.tasks.enumerated() {
      guard let scope = taskScopeIDs[t] else { continue }
      let issued = anchor - Span(seconds: Int64(task.hoursBeforeAnchor * 3600))
      try insertTask.int(t + 1).text(task.type.rawValue).text(task.title).text("演示数据").int(scope)
        .int(issued.epochSeconds).int(task.type.defaultAckWindow.seconds)
        .int(task.type.defaultFinishWindow.seconds).run()
    }
  }
}
