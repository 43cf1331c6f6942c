import WanggeCore
import WanggeStore

/// Applies one batch inside its transaction, event by event in batch order like the SQLite engine's
/// `EventApplier`, but against state read up front (``PGIngestState``): acknowledgements and finishes
/// touch only memory until ``flush()``; the rarer household and group events write as they go.
struct PGEventApplier {
  let db: PGConnection
  let source: String
  let recordedAt: Instant
  var state: PGIngestState
  var summary = IngestSummary()
  var out = PGIngestOutput()
  /// The registry change rules on this transaction (made, and the registry lock taken, at the first
  /// change of a batch: new rows take the next id, as imports do).
  var registry: RegistryChangeRules?

  init(db: PGConnection, events: [GridEvent], recordedAt: Instant, source: String) throws {
    self.db = db
    self.source = source
    self.recordedAt = recordedAt
    state = try PGIngestState(db, events)
  }

  mutating func apply(_ event: GridEvent, digest: Int64) throws {
    switch event.kind {
    case .acknowledged(let task, .id(let unit)):
      return try applyAssignment(event, digest, task: task, unit: unit, finished: false, result: nil)
    case .finished(let task, .id(let unit), let result):
      return try applyAssignment(event, digest, task: task, unit: unit, finished: true, result: result)
    case .registry(let change):
      return try applyRegistry(event, digest, change)
    case .screening(let e):
      return try applyScreening(event, digest, e)
    default: break
    }
    // Validate before recording the id, so a rejected event can be fixed and sent again with the same id.
    try EventWindow.check(event.at, recordedAt: recordedAt)
    let effect = try prepare(event)
    guard try recordEvent(event, digest, place: try unitOf(event)) else {
      summary.duplicates += 1
      return
    }
    if try effect(&self) { summary.applied += 1 } else { summary.noEffect += 1 }
  }

  mutating func registryRules() throws -> RegistryChangeRules {
    if let r = registry { return r }
    try db.exec("SELECT pg_advisory_xact_lock(7213000013)")
    let r = try RegistryChangeRules(access: PostgresRegistryAccess(db))
    registry = r
    return r
  }

  /// A screening or isolation event: checked against the store, its id recorded, then applied.
  private mutating func applyScreening(_ event: GridEvent, _ digest: Int64, _ e: ScreeningEvent) throws {
    try EventWindow.check(event.at, recordedAt: recordedAt)
    let rules = screeningRules()
    guard try recordEvent(event, digest, place: try rules.unit(of: e)) else {
      summary.duplicates += 1
      return
    }
    if try rules.apply(e, eventID: event.id, at: event.at, operator: source) {
      summary.applied += 1
    } else {
      summary.noEffect += 1
    }
  }

  /// A registry change: its id is recorded first, so a change sent again is a duplicate even when the
  /// store has moved on (a household that moved out); a refused change rejects the batch.
  private mutating func applyRegistry(_ event: GridEvent, _ digest: Int64, _ change: RegistryChange) throws {
    try EventWindow.check(event.at, recordedAt: recordedAt)
    let rules = try registryRules()
    guard try recordEvent(event, digest, place: try rules.unit(of: change)) else {
      summary.duplicates += 1
      return
    }
    if try rules.apply(change, eventID: event.id, at: event.at, operator: source) {
      summary.applied += 1
    } else {
      summary.noEffect += 1
    }
  }

  /// Acknowledgements and finishes by unit id: the bulk of every day's events.
  private mutating func applyAssignment(
    _ event: GridEvent, _ digest: Int64, task taskID: Int64, unit: Int64, finished: Bool, result: String?
  ) throws {
    let task = try state.task(taskID)
    guard let old = try state.assignment(db, task: taskID, unit: unit) else {
      _ = try state.unitID(db, .id(unit))  // names a missing unit as such
      throw FieldProblem(
        field: "unit",
        problem: "unit \(unit) has no assignment in task \(taskID) (it is outside the task's scope)")
    }
    try EventWindow.check(event.at, issuedAt: task.issuedAt, recordedAt: recordedAt)
    guard try recordEvent(event, digest, place: unit) else {
      summary.duplicates += 1
      return
    }
    if try merge(
      task: task, unit: unit, old: old, at: event.at, finishes: finished, result: result, eventID: event.id)
    {
      summary.applied += 1
    } else {
      summary.noEffect += 1
    }
  }

  /// Checks the event against the store and returns the change to make (true when something changed).
  private mutating func prepare(_ event: GridEvent) throws -> (inout PGEventApplier) throws -> Bool {
    let at = event.at
    switch event.kind {
    case .acknowledged(let taskID, let ref):
      return try assignmentEffect(taskID, ref, at, finishes: false, result: nil, eventID: event.id)
    case .finished(let taskID, let ref, let result):
      return try assignmentEffect(taskID, ref, at, finishes: true, result: result, eventID: event.id)
    case .visited(let household, let outcome, let needs):
      let (unit, _) = try householdRow(household)
      guard try helpCase(household) != nil else {
        throw FieldProblem(
          field: "household",
          problem: "household \(household) has no one-to-one help case; visits are kept for help cases only")
      }
      return { a in
        try PostgresStore.recordVisitNote(
          a.db, household: household, at: at, outcome: outcome, needs: needs, eventID: event.id)
        // 不在家 / 电话未接: the household was not seen, so the visit is still owed (its clock runs on).
        guard outcome.countsAsVisit else { return true }
        return try a.recordVisit(household: household, unit: unit, at: at, eventID: event.id)
      }
    case .groupBuilt(let ref):
      let unit = try state.unitID(db, ref)
      return { a in try a.recordGroupBuilt(unit: unit) }
    case .reached(let household, let via):
      let (unit, old) = try householdRow(household)
      return { a in try a.recordReach(household: household, unit: unit, old: old, new: via) }
    case .greenChannel(let household, let open):
      let (unit, _) = try householdRow(household)
      guard
        let green = try db.exec(
          "SELECT green FROM help_case WHERE household_id = $1 FOR UPDATE", [household]
        ).first?.get(0, as: Int64.self)
      else {
        throw FieldProblem(field: "household", problem: "household \(household) has no one-to-one help case")
      }
      return { a in
        guard try a.recordGreen(household: household, unit: unit, was: green != 0, open: open) else { return false }
        try OrderBook(PGOrderSQL(db: a.db)).applyOldGreenEvent(
          id: event.id, household: household, open: open, at: event.at, source: a.source)
        return true
      }
    case .registry: fatalError("registry changes are applied by applyRegistry")
    case .screening: fatalError("screening events are applied by applyScreening")
    }
  }

  /// An acknowledgement or finish naming its unit by path: the general path's checks, in its order.
  private mutating func assignmentEffect(
    _ taskID: Int64, _ ref: GridEvent.UnitRef, _ at: Instant, finishes: Bool, result: String?, eventID: String
  ) throws -> (inout PGEventApplier) throws -> Bool {
    let task = try state.task(taskID)
    let unit = try state.unitID(db, ref)
    guard try state.assignment(db, task: taskID, unit: unit) != nil else {
      throw FieldProblem(
        field: "unit",
        problem: "unit \(unit) has no assignment in task \(taskID) (it is outside the task's scope)")
    }
    try EventWindow.check(at, issuedAt: task.issuedAt, recordedAt: nil)
    return { a in
      let old = try a.state.assignment(a.db, task: taskID, unit: unit)!
      return try a.merge(
        task: task, unit: unit, old: old, at: at, finishes: finishes, result: result, eventID: eventID)
    }
  }

  /// The unit an event concerns (recorded with it for the late-arrival figure).
  private mutating func unitOf(_ event: GridEvent) throws -> Int64? {
    switch event.kind {
    case .acknowledged(_, let ref), .finished(_, let ref, _), .groupBuilt(let ref):
      return try state.unitID(db, ref)
    case .visited(let h, _, _), .reached(let h, _), .greenChannel(let h, _):
      return try db.exec("SELECT unit_id FROM household WHERE id = $1", [h]).first?.get(0, as: Int64.self)
    case .registry(let c): return try registryRules().unit(of: c)
    case .screening(let e): return try screeningRules().unit(of: e)
    }
  }

  /// Records the event id with its content digest; false when the id was already there with the same
  /// content (stored, or earlier in this batch). Throws a conflict when it was there with other content.
  private mutating func recordEvent(_ event: GridEvent, _ digest: Int64, place: Int64?) throws -> Bool {
    if let prior = out.recorded[event.id] ?? state.storedEvents[event.id] {
      guard let old = prior.digest, old != digest else { return false }
      let when = InstantFormat.iso(Instant(epochSeconds: prior.recordedAt))
      throw FieldProblem(
        field: "id",
        problem:
          "\"\(event.id)\" was already recorded with different content (recorded \(when)); "
          + "give this event a new id, or send it unchanged")
    }
    out.recorded[event.id] = PGIngestState.StoredEvent(digest: digest, recordedAt: recordedAt.epochSeconds)
    out.events.append(
      PGIngestOutput.NewEvent(
        id: event.id, type: event.typeCode, at: event.at.epochSeconds, digest: digest, place: place))
    return true
  }

  // MARK: effects

  /// Earliest acknowledgement and earliest finish win, so the order events arrive in does not matter.
  private mutating func merge(
    task: GridTask, unit: Int64, old: PGIngestState.Times, at: Instant, finishes: Bool, result: String?,
    eventID: String
  ) throws -> Bool {
    let merged = AssignmentMerge.merge(
      ackedAt: old.ack.map(Instant.init(epochSeconds:)),
      finishedAt: old.finish.map(Instant.init(epochSeconds:)),
      event: at, finishes: finishes, deadlines: task.deadlines)
    var census = false  // a census finish records its households (WanggeStore/Census)
    if finishes, task.type == .census {
      census = try CensusRules.apply(
        result, task: task, unit: unit, places: [unit] + (try state.ancestors(db, of: unit)), at: at,
        source: source, access: PGCensusAccess(db: db))
    }
    guard merged.changed else { return census }
    let key = PGIngestState.Key(task: task.id, unit: unit)
    state.assignments[key] = PGIngestState.Times(
      ack: merged.ackedAt?.epochSeconds, finish: merged.finishedAt?.epochSeconds)
    var change = out.assignments[key] ?? PGIngestOutput.AssignmentChange()
    if merged.finishChanged, let result { change.result = result }
    out.assignments[key] = change
    out.addTally(task: task.id, places: try state.ancestors(db, of: unit), merged.delta)
    if merged.finishChanged, let result {
      try screeningRules().applyFinish(task: task.id, unit: unit, result: result, at: at, eventID: eventID)
    }
    return true
  }

  private func householdRow(_ id: Int64) throws -> (unit: Int64, reach: Reachability) {
    guard
      let row = try db.exec("SELECT unit_id, reach FROM household WHERE id = $1 FOR UPDATE", [id]).first
    else {
      throw FieldProblem(field: "household", problem: "no household has id \(id)")
    }
    return (
      try row.get(0), Reachability(rawValue: Int(try row.get(1, as: Int64.self))) ?? .notReached
    )
  }

  private func helpCase(_ household: Int64) throws -> (lastVisit: Int64?, cadence: Int64)? {
    guard
      let row = try db.exec(
        "SELECT last_visit, cadence FROM help_case WHERE household_id = $1 FOR UPDATE", [household]
      ).first
    else { return nil }
    return (try row.optional(0), try row.optional(1) ?? 0)
  }

  private mutating func recordVisit(household: Int64, unit: Int64, at: Instant, eventID: String) throws
    -> Bool
  {
    try db.exec(
      "INSERT INTO visit(household_id, at, event_id) VALUES ($1, $2, $3)",
      [household, at.epochSeconds, eventID])
    guard let helpCase = try helpCase(household) else { return false }
    guard helpCase.lastVisit == nil || at.epochSeconds > helpCase.lastVisit! else { return false }
    try db.exec(
      "UPDATE help_case SET last_visit = $1 WHERE household_id = $2", [at.epochSeconds, household])
    let due = Saturating.add(at.epochSeconds, helpCase.cadence)  // a stored cadence may be absurd
    let oldDue = try db.exec(
      "SELECT due_at FROM help_due WHERE place_id = $1 AND household_id = $2", [unit, household]
    ).first?.get(0, as: Int64.self)
    let places = [unit] + (try state.ancestors(db, of: unit))
    // Through the definer function: the rows above a station's scope are changed, never shown.
    try db.exec(
      "SELECT wangge_move_help_due($1, $2, $3::bigint[], $4)",
      [household, due, PGArray.ints(places), oldDue.map { $0 / 3600 }])
    return true
  }

  private mutating func recordGroupBuilt(unit: Int64) throws -> Bool {
    let changed = try db.exec(
      "UPDATE unit SET group_built = 1 WHERE place_id = $1 AND group_built = 0", [unit]
    ).affectedRows
    guard changed > 0 else { return false }
    var d = PGStatsDelta()
    d[.groupsBuilt] = 1
    out.addStats(d, to: [unit] + (try state.ancestors(db, of: unit)))
    return true
  }

  private mutating func recordReach(household: Int64, unit: Int64, old: Reachability, new: Reachability)
    throws -> Bool
  {
    guard old != new else { return false }
    try db.exec("UPDATE household SET reach = $1 WHERE id = $2", [new.rawValue, household])
    var d = PGStatsDelta()
    if old == .inGroup { d[.reachedGroup] -= 1 }
    if old == .phoneOnly { d[.reachedPhone] -= 1 }
    if new == .inGroup { d[.reachedGroup] += 1 }
    if new == .phoneOnly { d[.reachedPhone] += 1 }
    out.addStats(d, to: [unit] + (try state.ancestors(db, of: unit)))
    return true
  }

  private mutating func recordGreen(household: Int64, unit: Int64, was: Bool, open: Bool) throws -> Bool {
    guard was != open else { return false }
    try db.exec("UPDATE help_case SET green = $1 WHERE household_id = $2", [open ? 1 : 0, household])
    var d = PGStatsDelta()
    d[.greenOpen] = open ? 1 : -1
    out.addStats(d, to: [unit] + (try state.ancestors(db, of: unit)))
    return true
  }

  /// Writes what stayed in memory: the new events, the changed assignments and the rollup deltas.
  func flush() throws { try out.flush(db, recordedAt: recordedAt, source: source, state: state) }
}
