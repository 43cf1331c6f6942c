import WanggeCore

/// The rules of the everyday registry changes (``RegistryChange``), engine-free: each engine's ingest
/// hands a change to ``apply(_:eventID:at:operator:)`` with its ``RegistryAccess`` inside the batch's
/// transaction. A change the store refuses throws a ``FieldProblem`` before anything is written; one
/// that is applied keeps `place_stats` and `help_due` exact and is audited with operator and time.
public struct RegistryChangeRules {
  let access: any RegistryAccess
  let levels: LevelChain
  let rootID: Int64

  public init(access: any RegistryAccess) throws {
    self.access = access
    levels = try access.levels()
    rootID = try access.rootID()
  }

  /// The unit the change concerns (recorded with its event), nil when it names none that exists.
  public func unit(of change: RegistryChange) throws -> Int64? {
    if let ref = change.unitRef { return try? unit(ref) }
    if case .id(let id)? = change.householdRef { return try access.household(id: id)?.unit }
    return nil
  }

  /// Validates `change` against the store and applies it; true when it changed something.
  public func apply(_ change: RegistryChange, eventID: String, at: Instant, operator who: String) throws
    -> Bool
  {
    let audit = { (action: String, scope: Int64, detail: String) in
      try access.audit(
        operator: who, at: at, action: action, scope: scope, detail: "event \(eventID): \(detail)")
    }
    switch change {
    case .leaderChosen(let ref, let leader):
      let unit = try unit(ref)
      guard try access.leader(id: leader) != nil else {
        throw FieldProblem(
          field: "leader", problem: "no leader has id \(leader); give a leader's id, or a name and phone")
      }
      return try switchLeader(unit: unit, to: leader, added: false, audit: audit)

    case .leaderReplaced(let ref, let name, let phone, let department):
      let unit = try unit(ref)
      let current = try access.unitLeader(unit)
      let leaderID: Int64
      var added = false
      if let known = try access.leader(phone: phone) {
        guard known.name == name else {
          throw FieldProblem(
            field: "name",
            problem:
              "this phone belongs to leader \(known.id) under another name; give that leader's name, or the new leader's own phone"
          )
        }
        leaderID = known.id
      } else {
        let former = try current.flatMap { try access.leader(id: $0) }
        let dept = department.isEmpty ? (former?.department ?? "") : department
        guard !dept.isEmpty else {
          throw FieldProblem(
            field: "department",
            problem: "the unit has no leader to take the department from; give the new leader's department")
        }
        let squad = department.isEmpty ? former : nil
        leaderID = try access.insertLeader(
          RegistryLeader(
            path: PlacePath(segments: []), name: name, phone: phone, department: dept,
            squad: squad?.squad ?? "", squadLeader: squad?.squadLeader ?? "", home: ""))
        added = true
      }
      guard current != leaderID else { return false }
      var deltas: [Int64: PlaceStats] = [:]
      _ = try RegistryImport.assign(
        leader: leaderID, unit: unit, chain: try access.chain(of: unit), access: access
      ) { d, places in
        for p in places { deltas[p, default: PlaceStats()].add(d) }
      }
      try access.addStats(deltas.filter { !$0.value.isZero })
      try audit(
        "leader_replace", unit,
        "unit \(unit): leader \(current.map(String.init) ?? "none") → \(leaderID)\(added ? " (new leader)" : "")"
      )
      return true

    case .movedIn(let ref, let room, let head, let phone, let people, let flags):
      let unit = try unit(ref)
      let chain = try access.chain(of: unit)
      let new = flags.subtracting(.longVacant)
      if let old = try access.households(ofUnit: unit).first(where: { $0.room == room }) {
        guard old.flags.contains(.longVacant) else {
          throw FieldProblem(
            field: "room",
            problem:
              "room \(room) of unit \(unit) has household \(old.id); record its move_out first (or mark it vacant)"
          )
        }
        guard try access.helpCase(household: old.id) == nil else {
          throw FieldProblem(
            field: "room",
            problem: "the vacant household \(old.id) has a help case; close it first (help_close)")
        }
        let h = StoredHousehold(
          id: old.id, room: room, headName: head, phone: phone, people: people, reach: .notReached, flags: new
        )
        try access.updateHousehold(h)
        try CensusRules.forget(household: old.id, unit: unit, places: chain, access: access.census)
        var d = PlaceStats.household(people: people, reach: .notReached)
        d.add(-PlaceStats.household(people: old.people, reach: old.reach))
        try addStats(d, chain)
        try audit("move_in", unit, "household \(old.id) (room \(room), was vacant), \(people) people")
      } else {
        let id = try access.insertHousehold(
          unit: unit, room: room, headName: head, phone: phone, people: people, reach: .notReached, flags: new
        )
        try addStats(PlaceStats.household(people: people, reach: .notReached), chain)
        try audit("move_in", unit, "household \(id) (room \(room)), \(people) people")
      }
      return true

    case .movedOut(let ref, let reason):
      let (unit, h) = try household(ref)
      let chain = try access.chain(of: unit)
      var d = -PlaceStats.household(people: h.people, reach: h.reach)
      if let c = try access.helpCase(household: h.id) {
        d.add(try closeHelp(c, chain))
      }
      try CensusRules.forget(household: h.id, unit: unit, places: chain, access: access.census)
      try access.deleteHousehold(id: h.id)
      try addStats(d, chain)
      try audit("move_out", unit, "household \(h.id) (room \(h.room))\(reason.isEmpty ? "" : ": \(reason)")")
      return true

    case .vacant(let ref, let vacant):
      let (unit, h) = try household(ref)
      guard h.flags.contains(.longVacant) != vacant else { return false }
      var changed = h
      if vacant { changed.flags.insert(.longVacant) } else { changed.flags.remove(.longVacant) }
      try access.updateHousehold(changed)
      try audit(vacant ? "vacant" : "occupied", unit, "household \(h.id) (room \(h.room))")
      return true

    case .helpOpened(let ref, let mode, let helper, let cadence, let needs, let green):
      let (unit, h) = try household(ref)
      guard try access.helpCase(household: h.id) == nil else {
        throw FieldProblem(
          field: "household", problem: "household \(h.id) has a help case already; change it with help_change"
        )
      }
      guard !h.flags.contains(.longVacant) else {
        throw FieldProblem(
          field: "household", problem: "household \(h.id) is long-term vacant; record who lives there first")
      }
      let chain = try access.chain(of: unit)
      let c = StoredHelpCase(
        householdID: h.id, mode: mode, helper: helper, cadence: cadence.seconds, lastVisit: nil,
        openedAt: at.epochSeconds, green: green, needs: needs)
      try access.putHelpCase(c, create: true)
      try access.moveHelpDue(household: h.id, chain: chain, old: nil, new: c.dueAt)
      var d = PlaceStats()
      d.helpCases = 1
      d.greenOpen = green ? 1 : 0
      try addStats(d, chain)
      try audit("help_open", unit, "household \(h.id) (room \(h.room)), mode \(mode.code), every \(cadence)")
      return true

    case .helpChanged(let ref, let helper, let cadence, let mode):
      let (unit, h) = try household(ref)
      let old = try helpCase(h)
      var new = old
      if let helper { new.helper = helper }
      if let cadence { new.cadence = cadence.seconds }
      if let mode { new.mode = mode }
      guard new != old else { return false }
      try access.putHelpCase(new, create: false)
      if new.dueAt != old.dueAt {
        try access.moveHelpDue(
          household: h.id, chain: try access.chain(of: unit), old: old.dueAt, new: new.dueAt)
      }
      var what: [String] = []
      if new.helper != old.helper { what.append("helper") }
      if new.cadence != old.cadence { what.append("cadence \(Span(seconds: new.cadence))") }
      if new.mode != old.mode { what.append("mode \(new.mode.code)") }
      try audit("help_change", unit, "household \(h.id) (room \(h.room)): \(what.joined(separator: ", "))")
      return true

    case .helpClosed(let ref, let reason):
      let (unit, h) = try household(ref)
      let c = try helpCase(h)
      let chain = try access.chain(of: unit)
      try addStats(try closeHelp(c, chain), chain)
      try audit("help_close", unit, "household \(h.id) (room \(h.room)): \(reason)")
      return true
    }
  }

  // MARK: helpers

  /// Makes `leader` the unit's leader, counting units and leaders exactly; false when it already is.
  private func switchLeader(
    unit: Int64, to leaderID: Int64, added: Bool, audit: (String, Int64, String) throws -> Void
  ) throws -> Bool {
    let current = try access.unitLeader(unit)
    guard current != leaderID else { return false }
    var deltas: [Int64: PlaceStats] = [:]
    _ = try RegistryImport.assign(
      leader: leaderID, unit: unit, chain: try access.chain(of: unit), access: access
    ) { d, places in
      for p in places { deltas[p, default: PlaceStats()].add(d) }
    }
    try access.addStats(deltas.filter { !$0.value.isZero })
    try audit(
      "leader_replace", unit,
      "unit \(unit): leader \(current.map(String.init) ?? "none") → \(leaderID)\(added ? " (new leader)" : "")"
    )
    return true
  }

  /// Removes the case and its `help_due` rows; returns the counters it leaves.
  private func closeHelp(_ c: StoredHelpCase, _ chain: [Int64]) throws -> PlaceStats {
    try access.moveHelpDue(household: c.householdID, chain: chain, old: c.dueAt, new: nil)
    try access.deleteHelpCase(household: c.householdID)
    var d = PlaceStats()
    d.helpCases = -1
    d.greenOpen = c.green ? -1 : 0
    return d
  }

  private func addStats(_ d: PlaceStats, _ chain: [Int64]) throws {
    guard !d.isZero else { return }
    try access.addStats(Dictionary(uniqueKeysWithValues: chain.map { ($0, d) }))
  }

  private func helpCase(_ h: StoredHousehold) throws -> StoredHelpCase {
    guard let c = try access.helpCase(household: h.id) else {
      throw FieldProblem(
        field: "household", problem: "household \(h.id) has no help case; open one with help_open")
    }
    return c
  }

  /// The unit a reference names (a place at the unit level).
  func unit(_ ref: GridEvent.UnitRef) throws -> Int64 {
    switch ref {
    case .id(let id):
      guard try access.chain(of: id).count - 1 == levels.unitDepth else {
        throw FieldProblem(field: "unit", problem: "no unit has id \(id); give a unit's id or path")
      }
      return id
    case .path(let path):
      guard path.segments.count == levels.unitDepth else {
        throw FieldProblem(
          field: "unit",
          problem:
            "\"\(path)\" is not a unit; give the path down to the \(levels.name(at: levels.unitDepth)) (\(levels.unitDepth) levels)"
        )
      }
      var id = rootID
      for name in path.segments {
        guard let next = try access.child(of: id, named: name) else {
          throw FieldProblem(
            field: "unit",
            problem: "no place \"\(name)\" in \"\(path)\"; check the path (wangge export places)")
        }
        id = next
      }
      return id
    }
  }

  /// The household a reference names, with its unit.
  func household(_ ref: HouseholdRef) throws -> (Int64, StoredHousehold) {
    switch ref {
    case .id(let id):
      guard let found = try access.household(id: id) else {
        throw FieldProblem(field: "household", problem: "no household has id \(id)")
      }
      return found
    case .room(let u, let room):
      let unit = try unit(u)
      guard let h = try access.households(ofUnit: unit).first(where: { $0.room == room }) else {
        throw FieldProblem(field: "room", problem: "unit \(unit) has no household in room \(room)")
      }
      return (unit, h)
    }
  }
}
