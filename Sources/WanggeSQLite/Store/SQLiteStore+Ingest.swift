import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore {
  /// Applies `events` in one transaction, recording each with `source` and `recordedAt`.
  /// An event is rejected (and the batch not applied) when its `at` lies outside
  /// ``EventWindow`` or its id was recorded before with other content.
  public func ingest(_ events: [GridEvent], recordedAt: Instant, source: String) throws -> IngestSummary {
    try write { db in
      var applier = try EventApplier(db: db, source: source)
      var rejections: [EventRejection] = []
      for (index, event) in events.enumerated() {
        do {
          try applier.apply(event, recordedAt: recordedAt)
        } catch let p as FieldProblem {
          rejections.append(EventRejection(index: index, problem: p))
        }
      }
      guard rejections.isEmpty else { throw StoreError.rejected(rejections) }
      try applier.deltas.flush(db)
      return applier.summary
    }
  }
}

/// Applies events to raw rows inside one transaction and collects the rollup changes they cause.
struct EventApplier {
  let db: Database
  let source: String
  let unitDepth: Int
  var deltas = RollupDeltas()
  var summary = IngestSummary()
  private var parents: [Int64: Int64?] = [:]
  private var unitByPath: [PlacePath: Int64] = [:]
  private var tasks: [Int64: GridTask] = [:]
  let raw: RawIngestStatements
  private var registry: RegistryChangeRules?
  /// The screening rules on this transaction (made at the first finish with a result or screening event).
  var screening: ScreeningRules?

  init(db: Database, source: String) throws {
    self.db = db
    self.source = source
    unitDepth = try Int.fetchOne(db, sql: "SELECT max(depth) FROM level") ?? 0
    raw = try RawIngestStatements(db)
  }

  mutating func apply(_ event: GridEvent, recordedAt: Instant) throws {
    switch event.kind {
    case .acknowledged(let task, .id(let unit)):
      return try applyAssignment(
        event, task: task, unit: unit, finished: false, result: nil, recordedAt: recordedAt)
    case .finished(let task, .id(let unit), let result):
      return try applyAssignment(
        event, task: task, unit: unit, finished: true, result: result, recordedAt: recordedAt)
    case .registry(let change):
      return try applyRegistry(event, change, recordedAt: recordedAt)
    case .screening(let e):
      return try applyScreening(event, e, recordedAt: recordedAt)
    default: break
    }
    // Validate before recording the id, so a rejected event can be fixed and sent again with the same id.
    try EventWindow.check(event.at, recordedAt: recordedAt)
    let effect = try prepare(event)
    guard try raw.recordEvent(event, recordedAt: recordedAt, source: source, place: try unitOf(event)) else {
      summary.duplicates += 1
      return
    }
    if try effect(&self) { summary.applied += 1 } else { summary.noEffect += 1 }
  }

  /// Checks the event against the store and returns the change to make (true when something changed).
  private mutating func prepare(_ event: GridEvent) throws -> (inout EventApplier) throws -> Bool {
    let at = event.at
    switch event.kind {
    case .acknowledged(let taskID, let ref):
      let (task, unit) = try assignmentTarget(taskID, ref)
      try EventWindow.check(at, issuedAt: task.issuedAt, recordedAt: nil)
      return { a in
        try a.recordAssignment(task: task, unit: unit, ack: at, finish: nil, result: nil, eventID: event.id)
      }
    case .finished(let taskID, let ref, let result):
      let (task, unit) = try assignmentTarget(taskID, ref)
      try EventWindow.check(at, issuedAt: task.issuedAt, recordedAt: nil)
      return { a in
        try a.recordAssignment(task: task, unit: unit, ack: at, finish: at, result: result, eventID: event.id)
      }
    case .visited(let household, let outcome, let needs):
      let (unit, _) = try householdRow(household)
      guard try raw.helpCase(household) != nil else {
        throw FieldProblem(
          field: "household",
          problem: "household \(household) has no one-to-one help case; visits are kept for help cases only")
      }
      return { a in
        try SQLiteStore.recordVisitNote(
          a.db, household: household, at: at, outcome: outcome, needs: needs, eventID: event.id)
        // 不在家 / 电话未接: the household was not seen, so the visit is still owed (its clock runs on).
        guard outcome.countsAsVisit else { return true }
        return try a.recordVisit(household: household, unit: unit, at: at, eventID: event.id)
      }
    case .groupBuilt(let ref):
      let unit = try unitID(ref)
      return { a in try a.recordGroupBuilt(unit: unit) }
    case .reached(let household, let via):
      let (unit, old) = try householdRow(household)
      return { a in try a.recordReach(household: household, unit: unit, old: old, new: via) }
    case .greenChannel(let household, let open):
      let (unit, _) = try householdRow(household)
      guard
        let green = try Bool.fetchOne(
          try db.cachedStatement(sql: "SELECT green FROM help_case WHERE household_id = ?"),
          arguments: [household])
      else {
        throw FieldProblem(field: "household", problem: "household \(household) has no one-to-one help case")
      }
      return { a in
        guard try a.recordGreen(household: household, unit: unit, was: green, open: open) else { return false }
        try OrderBook(SQLiteOrderSQL(db: a.db)).applyOldGreenEvent(
          id: event.id, household: household, open: open, at: at, source: a.source)
        return true
      }
    case .registry: fatalError("registry changes are applied by applyRegistry")
    case .screening: fatalError("screening events are applied by applyScreening")
    }
  }

  // MARK: lookups

  /// The unit an event concerns (recorded with it for the late-arrival figure).
  private mutating func unitOf(_ event: GridEvent) throws -> Int64? {
    switch event.kind {
    case .acknowledged(_, let ref), .finished(_, let ref, _), .groupBuilt(let ref): return try unitID(ref)
    case .visited(let h, _, _), .reached(let h, _), .greenChannel(let h, _): return try raw.household(h)?.unit
    case .registry(let c): return try registryRules().unit(of: c)
    case .screening(let e): return try screeningRules().unit(of: e)
    }
  }

  fileprivate mutating func ancestors(of placeID: Int64) throws -> [Int64] {
    var out: [Int64] = []
    var current = placeID
    while true {
      let parent: Int64?
      if let cached = parents[current] {
        parent = cached
      } else {
        parent = try raw.parent(of: current)
        parents[current] = parent
      }
      guard let p = parent else { return out }
      out.append(p)
      current = p
    }
  }

  fileprivate mutating func unitID(_ ref: GridEvent.UnitRef) throws -> Int64 {
    switch ref {
    case .id(let id):
      guard
        try Row.fetchOne(
          try db.cachedStatement(sql: "SELECT 1 FROM unit WHERE place_id = ?"), arguments: [id]) != nil
      else {
        throw FieldProblem(field: "unit", problem: "no unit has id \(id); give a unit's id or path")
      }
      return id
    case .path(let path):
      if let id = unitByPath[path] { return id }
      let place: Place
      do {
        place = try SQLiteStore.resolve(db, path)
      } catch let e as StoreError {
        throw FieldProblem(field: "unit", problem: e.description)
      }
      guard place.depth == unitDepth else {
        throw FieldProblem(
          field: "unit", problem: "\"\(path)\" is not a unit; give the path down to the unit (单元)")
      }
      unitByPath[path] = place.id
      return place.id
    }
  }

  fileprivate mutating func task(_ id: Int64) throws -> GridTask {
    if let t = tasks[id] { return t }
    guard
      let row = try Row.fetchOne(
        try db.cachedStatement(
          sql: "SELECT type, title, scope_id, issued_at, ack_within, finish_within FROM task WHERE id = ?"),
        arguments: [id])
    else {
      throw FieldProblem(
        field: "task", problem: "no task has id \(id); list tasks with `wangge report` or `wangge tasks`")
    }
    let t = GridTask(
      id: id, type: TaskType(rawValue: row[0]) ?? .screening, title: row[1], scopeID: row[2],
      issuedAt: Instant(epochSeconds: row[3]), ackWithin: Span(seconds: row[4]),
      finishWithin: Span(seconds: row[5]))
    tasks[id] = t
    return t
  }

  private mutating func assignmentTarget(_ taskID: Int64, _ ref: GridEvent.UnitRef) throws -> (
    GridTask, Int64
  ) {
    let t = try task(taskID)
    let unit = try unitID(ref)
    guard
      try Row.fetchOne(
        try db.cachedStatement(sql: "SELECT 1 FROM assignment WHERE task_id = ? AND unit_id = ?"),
        arguments: [taskID, unit])
        != nil
    else {
      throw FieldProblem(
        field: "unit",
        problem: "unit \(unit) has no assignment in task \(taskID) (it is outside the task's scope)")
    }
    return (t, unit)
  }

  private func householdRow(_ id: Int64) throws -> (unit: Int64, reach: Reachability) {
    guard let row = try raw.household(id) else {
      throw FieldProblem(field: "household", problem: "no household has id \(id)")
    }
    return row
  }

  // MARK: effects

  /// Earliest acknowledgement and earliest finish win, so the order events arrive in does not matter.
  private mutating func recordAssignment(
    task: GridTask, unit: Int64, ack: Instant, finish: Instant?, result: String?, eventID: String
  )
    throws -> Bool
  {
    let row = try Row.fetchOne(
      try db.cachedStatement(
        sql: "SELECT acked_at, finished_at FROM assignment WHERE task_id = ? AND unit_id = ?"),
      arguments: [task.id, unit])!
    let oldAck: Int64? = row[0]
    let oldFinish: Int64? = row[1]
    let merged = AssignmentMerge.merge(
      ackedAt: oldAck.map(Instant.init(epochSeconds:)),
      finishedAt: oldFinish.map(Instant.init(epochSeconds:)),
      event: finish ?? ack, finishes: finish != nil, deadlines: task.deadlines)
    let census = try censusFinish(task: task, unit: unit, at: ack, finished: finish != nil, result: result)
    guard merged.changed else { return census }
    try db.cachedStatement(
      sql: """
        UPDATE assignment SET acked_at = ?, finished_at = ?, result = coalesce(?, result)
        WHERE task_id = ? AND unit_id = ?
        """
    ).execute(
      arguments: [
        merged.ackedAt?.epochSeconds, merged.finishedAt?.epochSeconds, merged.finishChanged ? result : nil,
        task.id, unit,
      ])
    deltas.addTally(task: task.id, places: try ancestors(of: unit), merged.delta)
    if merged.finishChanged, let result {
      try screeningRules().applyFinish(
        task: task.id, unit: unit, result: result, at: finish ?? ack, eventID: eventID)
    }
    return true
  }

  private mutating func recordVisit(household: Int64, unit: Int64, at: Instant, eventID: String) throws
    -> Bool
  {
    try raw.insertVisit(household: household, at: at.epochSeconds, eventID: eventID)
    guard let helpCase = try raw.helpCase(household) else { return false }
    guard helpCase.lastVisit == nil || at.epochSeconds > helpCase.lastVisit! else { return false }
    try raw.setLastVisit(household, at.epochSeconds)
    let due = Saturating.add(at.epochSeconds, helpCase.cadence)  // a stored cadence may be absurd
    let oldDue = try raw.due(place: unit, household: household)
    let places = [unit] + (try ancestors(of: unit))
    for place in places { try raw.setDue(place: place, household: household, due) }
    if let oldDue, oldDue / 3600 != due / 3600 {
      for place in places { try raw.moveDueHour(place: place, from: oldDue / 3600, to: due / 3600) }
    }
    return true
  }

  private mutating func recordGroupBuilt(unit: Int64) throws -> Bool {
    try db.cachedStatement(sql: "UPDATE unit SET group_built = 1 WHERE place_id = ? AND group_built = 0")
      .execute(
        arguments: [unit])
    guard db.changesCount > 0 else { return false }
    var d = PlaceStats()
    d.groupsBuilt = 1
    deltas.addStats(d, to: [unit] + (try ancestors(of: unit)))
    return true
  }

  private mutating func recordReach(household: Int64, unit: Int64, old: Reachability, new: Reachability)
    throws
    -> Bool
  {
    guard old != new else { return false }
    try raw.setReach(household, new)
    var d = PlaceStats()
    if old == .inGroup { d.reachedGroup -= 1 }
    if old == .phoneOnly { d.reachedPhone -= 1 }
    if new == .inGroup { d.reachedGroup += 1 }
    if new == .phoneOnly { d.reachedPhone += 1 }
    deltas.addStats(d, to: [unit] + (try ancestors(of: unit)))
    return true
  }

  private mutating func recordGreen(household: Int64, unit: Int64, was: Bool, open: Bool) throws -> Bool {
    guard was != open else { return false }
    try db.cachedStatement(sql: "UPDATE help_case SET green = ? WHERE household_id = ?").execute(
      arguments: [open, household])
    var d = PlaceStats()
    d.greenOpen = open ? 1 : -1
    deltas.addStats(d, to: [unit] + (try ancestors(of: unit)))
    return true
  }
}

extension EventApplier {
  /// The registry change rules on this transaction (made at the first change of a batch).
  fileprivate mutating func registryRules() throws -> RegistryChangeRules {
    if let r = registry { return r }
    let r = try RegistryChangeRules(access: try SQLiteRegistryAccess(db))
    registry = r
    return r
  }

  /// A registry change: its id is recorded first, so a change sent again is a duplicate even when the
  /// store has moved on (a household that moved out); a refused change rejects the batch.
  fileprivate mutating func applyRegistry(_ event: GridEvent, _ change: RegistryChange, recordedAt: Instant)
    throws
  {
    try EventWindow.check(event.at, recordedAt: recordedAt)
    let rules = try registryRules()
    guard
      try raw.recordEvent(event, recordedAt: recordedAt, source: source, place: try rules.unit(of: change))
    else {
      summary.duplicates += 1
      return
    }
    if try rules.apply(change, eventID: event.id, at: event.at, operator: source) {
      summary.applied += 1
    } else {
      summary.noEffect += 1
    }
  }

  /// A census finish records its households (`WanggeStore/Census`); true when one changed.
  fileprivate mutating func censusFinish(
    task: GridTask, unit: Int64, at: Instant, finished: Bool, result: String?
  )
    throws -> Bool
  {
    guard finished, task.type == .census else { return false }
    return try CensusRules.apply(
      result, task: task, unit: unit, places: [unit] + (try ancestors(of: unit)), at: at, source: source,
      access: SQLiteCensusAccess(db: db))
  }

  /// Acknowledgements and finishes by unit id, the bulk of every day's events: the same checks and
  /// effects as the general path, through C-level statements.
  fileprivate mutating func applyAssignment(
    _ event: GridEvent, task taskID: Int64, unit: Int64, finished: Bool, result: String?, recordedAt: Instant
  ) throws {
    let task = try task(taskID)
    guard let old = try raw.assignment(task: taskID, unit: unit) else {
      _ = try unitID(.id(unit))  // names a missing unit as such
      throw FieldProblem(
        field: "unit",
        problem: "unit \(unit) has no assignment in task \(taskID) (it is outside the task's scope)")
    }
    try EventWindow.check(event.at, issuedAt: task.issuedAt, recordedAt: recordedAt)
    guard try raw.recordEvent(event, recordedAt: recordedAt, source: source, place: unit) else {
      summary.duplicates += 1
      return
    }
    let merged = AssignmentMerge.merge(
      ackedAt: old.ack.map(Instant.init(epochSeconds:)),
      finishedAt: old.finish.map(Instant.init(epochSeconds:)),
      event: event.at, finishes: finished, deadlines: task.deadlines)
    let census = try censusFinish(task: task, unit: unit, at: event.at, finished: finished, result: result)
    guard merged.changed else {
      if census { summary.applied += 1 } else { summary.noEffect += 1 }
      return
    }
    try raw.update(
      task: taskID, unit: unit, ack: merged.ackedAt?.epochSeconds, finish: merged.finishedAt?.epochSeconds,
      result: merged.finishChanged ? result : nil)
    deltas.addTally(task: taskID, places: try ancestors(of: unit), merged.delta)
    if merged.finishChanged, let result {
      try screeningRules().applyFinish(
        task: taskID, unit: unit, result: result, at: event.at, eventID: event.id)
    }
    summary.applied += 1
  }
}

/// The C-level statements of the hot ingest paths (acknowledgements, finishes, reach and visits).
struct RawIngestStatements {
  let selectHousehold: RawStatement
  let updateReach: RawStatement
  let selectAssignment: RawStatement
  let updateAssignment: RawStatement
  let insertEvent: RawStatement
  let selectDigest: RawStatement
  let selectParent: RawStatement
  let insertVisit: RawStatement
  let selectHelpCase: RawStatement
  let updateLastVisit: RawStatement
  let selectDue: RawStatement
  let updateDue: RawStatement
  let leaveHour: RawStatement
  let enterHour: RawStatement

  init(_ db: Database) throws {
    selectHousehold = try RawStatement(db, "SELECT unit_id, reach FROM household WHERE id = ?")
    updateReach = try RawStatement(db, "UPDATE household SET reach = ? WHERE id = ?")
    selectAssignment = try RawStatement(
      db, "SELECT acked_at, finished_at FROM assignment WHERE task_id = ? AND unit_id = ?")
    updateAssignment = try RawStatement(
      db,
      "UPDATE assignment SET acked_at = ?, finished_at = ?, result = coalesce(?, result) WHERE task_id = ? AND unit_id = ?"
    )
    insertEvent = try RawStatement(
      db,
      "INSERT OR IGNORE INTO event(id, type, at, recorded_at, source, digest, place_id) VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    selectDigest = try RawStatement(db, "SELECT digest, recorded_at FROM event WHERE id = ?")
    selectParent = try RawStatement(db, "SELECT parent_id FROM place WHERE id = ?")
    insertVisit = try RawStatement(db, "INSERT INTO visit(household_id, at, event_id) VALUES (?, ?, ?)")
    selectHelpCase = try RawStatement(db, "SELECT last_visit, cadence FROM help_case WHERE household_id = ?")
    updateLastVisit = try RawStatement(db, "UPDATE help_case SET last_visit = ? WHERE household_id = ?")
    selectDue = try RawStatement(db, "SELECT due_at FROM help_due WHERE place_id = ? AND household_id = ?")
    updateDue = try RawStatement(db, "UPDATE help_due SET due_at = ? WHERE place_id = ? AND household_id = ?")
    leaveHour = try RawStatement(
      db, "UPDATE help_due_hour SET count = count - 1 WHERE place_id = ? AND hour = ?")
    enterHour = try RawStatement(
      db,
      """
      INSERT INTO help_due_hour(place_id, hour, count) VALUES (?, ?, 1)
      ON CONFLICT(place_id, hour) DO UPDATE SET count = count + 1
      """)
  }

  /// Records a visit row (event ids are checked before).
  func insertVisit(household: Int64, at: Int64, eventID: String) throws {
    insertVisit.bind([household, at])
    insertVisit.bindText(3, eventID)
    try insertVisit.run()
  }

  /// The help case's last visit and visit cadence (seconds), or nil when the household has none.
  func helpCase(_ household: Int64) throws -> (lastVisit: Int64?, cadence: Int64)? {
    selectHelpCase.bind([household])
    defer { selectHelpCase.reset() }
    guard try selectHelpCase.step() else { return nil }
    return (selectHelpCase.int(0), selectHelpCase.int(1) ?? 0)
  }

  func setLastVisit(_ household: Int64, _ at: Int64) throws {
    updateLastVisit.bind([at, household])
    try updateLastVisit.run()
  }

  /// When the household's next visit is due, as recorded for `place`.
  func due(place: Int64, household: Int64) throws -> Int64? {
    selectDue.bind([place, household])
    defer { selectDue.reset() }
    return try selectDue.step() ? selectDue.int(0) : nil
  }

  func setDue(place: Int64, household: Int64, _ due: Int64) throws {
    updateDue.bind([due, place, household])
    try updateDue.run()
  }

  /// Moves one case of `place` from one hour's due count to another's.
  func moveDueHour(place: Int64, from: Int64, to: Int64) throws {
    leaveHour.bind([place, from])
    try leaveHour.run()
    enterHour.bind([place, to])
    try enterHour.run()
  }

  /// The assignment's acknowledge and finish times, or nil when there is no such assignment.
  func assignment(task: Int64, unit: Int64) throws -> (ack: Int64?, finish: Int64?)? {
    selectAssignment.bind([task, unit])
    defer { selectAssignment.reset() }
    guard try selectAssignment.step() else { return nil }
    return (selectAssignment.int(0), selectAssignment.int(1))
  }

  /// Records the event id with its source and content digest; false when the id was already there
  /// with the same content. Throws a conflict when it was there with other content (in this batch or
  /// an earlier one); an id recorded before digests were kept counts as the same.
  func recordEvent(_ event: GridEvent, recordedAt: Instant, source: String, place: Int64?) throws -> Bool {
    let digest = EventDigest.of(event)
    insertEvent.bind([nil, nil, event.at.epochSeconds, recordedAt.epochSeconds, nil, digest, place])
    insertEvent.bindText(1, event.id)
    insertEvent.bindText(2, event.typeCode)
    insertEvent.bindText(5, source)
    if try insertEvent.run() > 0 { return true }
    selectDigest.reset()
    selectDigest.bindText(1, event.id)
    defer { selectDigest.reset() }
    guard try selectDigest.step(), let old = selectDigest.int(0), old != digest else { return false }
    let when = selectDigest.int(1).map { InstantFormat.iso(Instant(epochSeconds: $0)) } ?? "earlier"
    throw FieldProblem(
      field: "id",
      problem:
        "\"\(event.id)\" was already recorded with different content (recorded \(when)); "
        + "give this event a new id, or send it unchanged")
  }

  func update(task: Int64, unit: Int64, ack: Int64?, finish: Int64?, result: String?) throws {
    updateAssignment.bind([ack, finish, nil, task, unit])
    updateAssignment.bindText(3, result)
    try updateAssignment.run()
  }

  /// A household's unit and reachability, or nil when there is no such household.
  func household(_ id: Int64) throws -> (unit: Int64, reach: Reachability)? {
    selectHousehold.bind([id])
    defer { selectHousehold.reset() }
    guard try selectHousehold.step(), let unit = selectHousehold.int(0) else { return nil }
    return (unit, Reachability(rawValue: Int(selectHousehold.int(1) ?? 0)) ?? .notReached)
  }

  func setReach(_ household: Int64, _ reach: Reachability) throws {
    updateReach.bind([Int64(reach.rawValue), household])
    try updateReach.run()
  }

  func parent(of place: Int64) throws -> Int64? {
    selectParent.bind([place])
    defer { selectParent.reset() }
    guard try selectParent.step() else { return nil }
    return selectParent.int(0)
  }
}
