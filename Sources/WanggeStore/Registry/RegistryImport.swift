import WanggeCore

/// The rules of a registry import, engine-free: resolves (and creates) places from path columns,
/// upserts households by unit and room, leaders by phone (and the unit they lead), help cases by
/// household, and keeps every rollup it touches exact. One instance lives inside one transaction.
public final class RegistryImport {
  let access: any RegistryAccess
  let levels: LevelChain
  let rootID: Int64
  let scope: [String]
  let at: Instant
  /// What the rows did so far.
  public private(set) var summary = ImportSummary()
  /// Problems rows had with the store.
  public private(set) var problems: [ImportProblem] = []
  /// Rows the feed refused (its own problems).
  public private(set) var refused = 0

  var stats: [Int64: PlaceStats] = [:]
  var levelCounts: [PlaceDepth: Int64] = [:]
  /// The last path resolved and its place ids (depth 1…).
  var lastSegments: [String] = []
  var lastIDs: [Int64] = []
  /// The unit whose households are loaded, by room, and the counters its rows changed so far.
  var loadedUnit: Int64?
  var unitHouseholds: [String: StoredHousehold] = [:]
  var unitDelta = PlaceStats()
  var unitChain: [Int64] = []

  /// `scope` is a path below the root (nil or empty: the whole store).
  public init(access: any RegistryAccess, scope: PlacePath?, at: Instant) throws {
    self.access = access
    levels = try access.levels()
    rootID = try access.rootID()
    self.scope = scope?.segments ?? []
    self.at = at
  }

  /// True when no row had a problem.
  public var isClean: Bool { problems.isEmpty && refused == 0 }

  /// Counts a row the feed refused (so nothing is written).
  public func refuse() { refused += 1 }

  /// Applies one row read from `file` at spreadsheet row `rowNumber`.
  public func add(_ row: RegistryRow, file: String, rowNumber: Int) throws {
    let segments = row.path.segments
    if let bad = zip(scope, segments).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
      ?? (segments.count < scope.count ? segments.count : nil)
    {
      problems.append(
        ImportProblem(
          file: file, row: rowNumber, column: levels.name(at: min(bad, segments.count - 1) + 1),
          problem: "\(row.path) is outside the scope \(PlacePath(segments: scope))",
          fix: "import it with a --scope that holds it, or without --scope"))
      return
    }
    switch row {
    case .place(let path):
      let before = summary.placesCreated
      _ = try resolve(path.segments, create: true)
      summary.counts[.places, default: ImportCounts()].add(changed: summary.placesCreated > before)
    case .household(let h): try household(h)
    case .leader(let l): try leader(l)
    case .help(let c): try help(c, file: file, rowNumber: rowNumber)
    }
  }

  /// Writes the collected rollup changes. Call once after the last row.
  public func finish() throws {
    closeUnit()
    try flush()
  }

  // MARK: places

  /// The ids of `segments` (depth 1…), creating missing places when `create`; nil when one is missing.
  func resolve(_ segments: [String], create: Bool) throws -> [Int64]? {
    // Rows of one unit repeat its path (the reader hands the same array on): no lookups, no copies.
    if !lastIDs.isEmpty, segments == lastSegments { return lastIDs }
    var ids: [Int64] = []
    ids.reserveCapacity(segments.count)
    var same = true
    for (i, name) in segments.enumerated() {
      if same, i < lastSegments.count, lastSegments[i] == name {
        ids.append(lastIDs[i])
        continue
      }
      same = false
      let parent = i == 0 ? rootID : ids[i - 1]
      if let id = try access.child(of: parent, named: name) {
        ids.append(id)
      } else if create {
        let depth = i + 1
        let station = levels.stationDepth == depth
        let id = try access.createPlace(parent: parent, depth: depth, name: name, station: station)
        summary.placesCreated += 1
        let ancestors = [rootID] + ids
        for a in ancestors { levelCounts[PlaceDepth(place: a, depth: depth), default: 0] += 1 }
        if station {
          var s = PlaceStats()
          s.stations = 1
          for a in ancestors { stats[a, default: PlaceStats()].add(s) }
        }
        ids.append(id)
      } else {
        return nil
      }
    }
    lastSegments = segments
    lastIDs = ids
    if stats.count > 20_000 || levelCounts.count > 20_000 { try flush() }
    return ids
  }

  func flush() throws {
    if !stats.isEmpty { try access.addStats(stats.filter { !$0.value.isZero }) }
    if !levelCounts.isEmpty { try access.addLevelCounts(levelCounts.filter { $0.value != 0 }) }
    stats.removeAll(keepingCapacity: true)
    levelCounts.removeAll(keepingCapacity: true)
  }

  func add(_ delta: PlaceStats, along chain: [Int64]) {
    guard !delta.isZero else { return }
    for p in chain { stats[p, default: PlaceStats()].add(delta) }
  }

  /// Loads the households of `unit` (once per run of rows on the same unit).
  func load(unit: Int64, chain: [Int64]) throws {
    guard loadedUnit != unit else { return }
    closeUnit()
    loadedUnit = unit
    unitChain = chain
    unitHouseholds.removeAll(keepingCapacity: true)
    for h in try access.households(ofUnit: unit) where unitHouseholds[h.room] == nil {
      unitHouseholds[h.room] = h
    }
  }

  func closeUnit() {
    add(unitDelta, along: unitChain)
    unitDelta = PlaceStats()
  }

  // MARK: households

  func household(_ r: RegistryHousehold) throws {
    guard let ids = try resolve(r.path.segments, create: true), let unit = ids.last else { return }
    if loadedUnit != unit { try load(unit: unit, chain: [rootID] + ids) }
    if var old = unitHouseholds[r.room] {
      let reach = r.reach ?? old.reach
      let new = StoredHousehold(
        id: old.id, room: old.room, headName: r.headName, phone: r.phone, people: r.people, reach: reach,
        flags: r.flags)
      if new == old || RegistryMaskedMatch.matches(shown: old, file: new) {
        summary.counts[.households, default: ImportCounts()].unchanged += 1
        return
      }
      try access.updateHousehold(new)
      unitDelta.add(-PlaceStats.household(people: old.people, reach: old.reach))
      unitDelta.add(PlaceStats.household(people: new.people, reach: new.reach))
      old = new
      unitHouseholds[r.room] = old
      summary.counts[.households, default: ImportCounts()].changed += 1
    } else {
      let reach = r.reach ?? .notReached
      let id = try access.insertHousehold(
        unit: unit, room: r.room, headName: r.headName, phone: r.phone, people: r.people, reach: reach,
        flags: r.flags)
      unitHouseholds[r.room] = StoredHousehold(
        id: id, room: r.room, headName: r.headName, phone: r.phone, people: r.people, reach: reach,
        flags: r.flags
      )
      unitDelta.add(PlaceStats.household(people: r.people, reach: reach))
      summary.counts[.households, default: ImportCounts()].added += 1
    }
  }

  // MARK: leaders

  func leader(_ r: RegistryLeader) throws {
    guard let ids = try resolve(r.path.segments, create: true), let unit = ids.last else { return }
    let chain = [rootID] + ids
    var added = false
    var changed = false
    let leaderID: Int64
    if let old = try access.leader(phone: r.phone) {
      leaderID = old.id
      if old.name != r.name || old.department != r.department || old.squad != r.squad
        || (old.squadLeader != r.squadLeader && !r.squad.isEmpty) || old.home != r.home
      {
        try access.updateLeader(id: old.id, r)
        changed = true
      }
    } else {
      leaderID = try access.insertLeader(r)
      added = true
    }
    switch try Self.assign(
      leader: leaderID, unit: unit, chain: chain, access: access, add: { self.add($0, along: $1) })
    {
    case .created: added = true
    case .replaced: changed = true
    case .same: break
    }
    if added {
      summary.counts[.leaders, default: ImportCounts()].added += 1
    } else {
      summary.counts[.leaders, default: ImportCounts()].add(changed: changed)
    }
  }

  /// What making a leader a unit's leader did.
  enum LeaderAssignment { case created, replaced, same }

  /// Makes `leader` the leader of `unit` (whose chain, itself to the root, is `chain`), counting units
  /// and leaders exactly: a leader counts once at every place above a unit of theirs.
  static func assign(
    leader leaderID: Int64, unit: Int64, chain: [Int64], access: any RegistryAccess,
    add: (PlaceStats, [Int64]) -> Void
  ) throws -> LeaderAssignment {
    let current = try access.unitLeader(unit)
    guard current != leaderID else { return .same }
    let result: LeaderAssignment
    if let current {
      try access.setUnitLeader(unit, leader: leaderID, create: false)
      // The former leader stops counting where no other unit of theirs lies.
      let covered = try coverage(of: current, excluding: unit, access: access)
      var gone = PlaceStats()
      gone.leaders = -1
      add(gone, chain.filter { !covered.contains($0) })
      result = .replaced
    } else {
      try access.setUnitLeader(unit, leader: leaderID, create: true)
      var s = PlaceStats()
      s.units = 1
      add(s, chain)
      result = .created
    }
    let covered = try coverage(of: leaderID, excluding: unit, access: access)
    var came = PlaceStats()
    came.leaders = 1
    add(came, chain.filter { !covered.contains($0) })
    return result
  }

  /// Every place above or at a unit `leader` leads, other than `unit`.
  static func coverage(of leader: Int64, excluding unit: Int64, access: any RegistryAccess) throws -> Set<
    Int64
  > {
    var out = Set<Int64>()
    for u in try access.unitsLed(by: leader) where u != unit { out.formUnion(try access.chain(of: u)) }
    return out
  }

  // MARK: help cases

  func help(_ r: RegistryHelpCase, file: String, rowNumber: Int) throws {
    guard let ids = try resolve(r.path.segments, create: false), let unit = ids.last else {
      problems.append(
        ImportProblem(
          file: file, row: rowNumber, column: "-", problem: "no unit \(r.path) in the store",
          fix: "import the households ledger of this unit first (or in the same run, before this file)"))
      return
    }
    if loadedUnit != unit { try load(unit: unit, chain: [rootID] + ids) }
    guard let h = unitHouseholds[r.room] else {
      problems.append(
        ImportProblem(
          file: file, row: rowNumber, column: "房号", problem: "no household \(r.room) in \(r.path)",
          fix: "check the room, or import the household first"))
      return
    }
    if !r.headName.isEmpty, r.headName != h.headName {
      problems.append(
        ImportProblem(
          file: file, row: rowNumber, column: "户主",
          problem: "the household \(r.room) of \(r.path) has another head in the store",
          fix: "check the room and the head's name against the households ledger"))
      return
    }
    let old = try access.helpCase(household: h.id)
    let new = StoredHelpCase(
      householdID: h.id, mode: r.mode, helper: r.helper, cadence: r.cadence.seconds,
      lastVisit: r.lastVisit?.epochSeconds ?? old?.lastVisit,
      openedAt: r.openedAt?.epochSeconds ?? old?.openedAt ?? at.epochSeconds, green: r.greenChannel,
      needs: r.needs)
    if old == new {
      summary.counts[.help, default: ImportCounts()].unchanged += 1
      return
    }
    try access.putHelpCase(new, create: old == nil)
    var s = PlaceStats()
    if old == nil { s.helpCases = 1 }
    s.greenOpen = Int64((new.green ? 1 : 0) - ((old?.green ?? false) ? 1 : 0))
    add(s, along: unitChain)
    if old?.dueAt != new.dueAt {
      try access.moveHelpDue(household: h.id, chain: unitChain, old: old?.dueAt, new: new.dueAt)
    }
    if old == nil {
      summary.counts[.help, default: ImportCounts()].added += 1
    } else {
      summary.counts[.help, default: ImportCounts()].changed += 1
    }
  }
}

extension ImportCounts {
  mutating func add(changed: Bool) {
    if changed { self.changed += 1 } else { unchanged += 1 }
  }
}

/// Thrown inside an engine's transaction to roll an import back (a check, or problems) with its outcome.
public struct RegistryRollback: Error {
  public var outcome: ImportOutcome
  public init(_ outcome: ImportOutcome) { self.outcome = outcome }
}

extension RegistryImport {
  /// Runs a whole import inside an engine's open transaction: feeds the rows, writes the rollups and,
  /// when the run is clean and not a check, clears the demo mark and audits it. Throws
  /// ``RegistryRollback`` when the transaction must be rolled back.
  public static func run(
    access: any RegistryAccess, scope: PlacePath?, check: Bool, operator who: String, at: Instant,
    feed: (RegistryImport) throws -> Void
  ) throws -> ImportOutcome {
    let run = try RegistryImport(access: access, scope: scope, at: at)
    try feed(run)
    try run.finish()
    var outcome = ImportOutcome(summary: run.summary, problems: run.problems, written: false)
    guard run.isClean, !check else { throw RegistryRollback(outcome) }
    if run.summary.changes > 0 {
      try access.clearDemoMark()
      let s = run.summary
      let detail =
        RegistryKind.allCases.compactMap { k -> String? in
          guard let c = s.counts[k] else { return nil }
          return "\(k.rawValue) +\(c.added) ~\(c.changed) =\(c.unchanged)"
        }.joined(separator: ", ") + (s.placesCreated > 0 ? ", places created \(s.placesCreated)" : "")
      var scopeID: Int64? = nil
      if !run.scope.isEmpty { scopeID = try run.resolve(run.scope, create: false)?.last }
      try access.audit(operator: who, at: at, action: "import", scope: scopeID, detail: detail)
    }
    outcome.written = true
    return outcome
  }
}
