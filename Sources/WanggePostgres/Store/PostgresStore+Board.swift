import WanggeCore
import WanggeStore

/// What the board reads besides the figures (the `BoardSource` requirements), each in a fixed
/// number of round trips over arrays of ids.
extension PostgresStore {
  /// The units under `station` (a compound), with leaders, coverage and the current task's assignment.
  public func stationUnits(under station: Int64, at now: Instant, window: Span) throws -> [StationUnitRow] {
    try read { db in
      let units = try Self.unitsUnder(db, station)
      guard !units.isEmpty else { return [] }
      let ids = Self.array(units.map(\.id))
      var rows: [Int64: StationUnitRow] = [:]
      for row in try db.exec(
        """
        SELECT s.place_id, coalesce(l.name, ''), coalesce(d.name, ''), coalesce(l.phone, ''),
                 coalesce(u.group_built, 0),
               s.households, s.reached_group + s.reached_phone
        -- A unit without a leader (households imported, no unit row yet) is listed too: 无单元长.
        FROM place_stats s LEFT JOIN unit u ON u.place_id = s.place_id
        LEFT JOIN leader l ON l.id = u.leader_id LEFT JOIN department d ON d.id = l.department_id
        WHERE s.place_id = ANY($1::bigint[])
        """, [ids])
      {
        let id: Int64 = try row.get(0)
        rows[id] = StationUnitRow(
          unitID: id, label: [], leaderName: try row.get(1), department: try row.get(2),
          leaderPhone: try row.get(3), groupBuilt: try row.get(4, as: Int.self) != 0,
          households: try row.get(5), reached: try row.get(6), currentTask: nil)
      }
      for unit in units { rows[unit.id]?.label = unit.path }
      // The current task of each unit: the latest task of the window that assigned it.
      let tasks = try Self.taskInfos(db, at: now, window: window)
      if !tasks.isEmpty {
        let byID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        for row in try db.exec(
          """
          SELECT DISTINCT ON (unit_id) unit_id, task_id, acked_at, finished_at FROM assignment
          WHERE unit_id = ANY($1::bigint[]) AND task_id = ANY($2::bigint[]) ORDER BY unit_id, task_id DESC
          """, [ids, Self.array(tasks.map(\.id))])
        {
          let unit: Int64 = try row.get(0)
          guard let task = byID[try row.get(1)] else { continue }
          rows[unit]?.currentTask = TaskAssignmentRow(
            taskID: task.id, title: task.title, type: task.type, deadlines: task.deadlines,
            assignment: try Self.assignment(task: task.id, unit: unit, row, acked: 2))
        }
      }
      return units.compactMap { rows[$0.id] }
    }
  }

  /// Help cases under `scope`, green channel first, then by most overdue visit; at most `limit` rows.
  public func helpCases(under scope: Int64, filter: HelpFilter, limit: Int) throws -> HelpCasePage {
    try read { db in
      var conditions = ["d.place_id = $1"]
      var arguments: [(any PGBindable)?] = [scope]
      if !filter.flags.isEmpty {
        arguments.append(filter.flags.rawValue)
        conditions.append("(h.flags & $\(arguments.count)) = $\(arguments.count)")
      }
      if let mode = filter.mode {
        arguments.append(mode.rawValue)
        conditions.append("c.mode = $\(arguments.count)")
      }
      // The household is joined only where the filter needs its flags, the help case only where the
      // filter or the order needs it; only the page's rows read their households. The page is the green
      // channel's cases, then the others walked in due order along `help_due_by_time` until the page is
      // full: at a city's root (tens of thousands of cases) sorting them all was most of a refresh.
      let household = filter.flags.isEmpty ? "" : "JOIN household_shown h ON h.id = d.household_id"
      let matching = conditions.joined(separator: " AND ")
      let countCase = filter.mode == nil ? "" : "JOIN help_case c ON c.household_id = d.household_id"
      let total: Int = try db.exec(
        "SELECT count(*) FROM help_due d \(countCase) \(household) WHERE \(matching)", arguments)[0].get(0)
      let n = "$\(arguments.count + 1)"
      func part(_ green: String, order: String) -> String {
        """
        (SELECT c.household_id, c.mode, c.helper_name, c.cadence, c.last_visit, c.opened_at, c.green, c.needs,
                d.due_at
         FROM help_due d JOIN help_case c ON c.household_id = d.household_id \(household)
         WHERE \(matching) AND \(green) ORDER BY \(order) LIMIT \(n))
        """
      }
      let rows = try db.exec(
        """
        WITH page AS (
          SELECT * FROM (\(part("c.green <> 0", order: "c.green DESC, d.due_at, d.household_id"))
            UNION ALL \(part("c.green = 0", order: "d.due_at, d.household_id"))) p
          ORDER BY p.green DESC, p.due_at, p.household_id LIMIT \(n))
        SELECT p.household_id, p.mode, p.helper_name, p.cadence, p.last_visit, p.opened_at, p.green, p.needs,
               h.unit_id, h.room, h.head_name, h.phone, h.flags
        FROM page p JOIN household_shown h ON h.id = p.household_id ORDER BY p.green DESC, p.due_at, p.household_id
        """, arguments + [limit])
      return HelpCasePage(rows: try Self.helpRows(db, rows), total: total)
    }
  }

  /// The action queue's help cases under `scope`: at most `green` green-channel cases, then at most
  /// `late` others whose visit was due before `now`, each part in due order (no total is counted and no
  /// last visit note read: the queue shows none).
  public func urgentHelp(under scope: Int64, at now: Instant, green: Int, late: Int) throws -> [HelpCaseRow] {
    try read { db in
      func part(_ n: Int, _ condition: String, limit: String) -> String {
        """
        (SELECT c.household_id, c.mode, c.helper_name, c.cadence, c.last_visit, c.opened_at, c.green, c.needs,
                d.due_at, \(n) AS part
         FROM help_due d JOIN help_case c ON c.household_id = d.household_id
         WHERE d.place_id = $1 AND \(condition) ORDER BY d.due_at, d.household_id LIMIT \(limit))
        """
      }
      let rows = try db.exec(
        """
        WITH page AS (\(part(0, "c.green <> 0", limit: "$2")) UNION ALL \(part(1, "c.green = 0 AND d.due_at < $3", limit: "$4")))
        SELECT p.household_id, p.mode, p.helper_name, p.cadence, p.last_visit, p.opened_at, p.green, p.needs,
               h.unit_id, h.room, h.head_name, h.phone, h.flags
        FROM page p JOIN household_shown h ON h.id = p.household_id ORDER BY p.part, p.due_at, p.household_id
        """, [scope, max(0, green), now.epochSeconds, max(0, late)])
      return try Self.helpRows(db, rows, notes: false)
    }
  }

  /// Help case rows from columns household_id, mode, helper_name, cadence, last_visit, opened_at, green,
  /// needs, unit_id, room, head_name, phone, flags; with unit labels, and last visit notes when `notes`.
  static func helpRows(_ db: PGConnection, _ rows: PGResult, notes withNotes: Bool = true) throws
    -> [HelpCaseRow]
  {
    let labels = try Self.unitLabels(db, try rows.map { try $0.get(8, as: Int64.self) })
    let notes = withNotes ? try Self.lastVisitNotes(db, try rows.map { try $0.get(0, as: Int64.self) }) : [:]
    return try rows.map { row in
      let unit: Int64 = try row.get(8)
      return HelpCaseRow(
        helpCase: try Self.helpCase(row, household: try row.get(0), from: 1), unitID: unit,
        unitLabel: labels[unit] ?? [], room: try row.get(9), headName: try row.get(10),
        phone: try row.get(11), flags: VulnerabilityFlags(rawValue: try row.get(12)),
        lastNote: notes[try row.get(0, as: Int64.self)])
    }
  }

  /// A help case from columns mode, helper_name, cadence, last_visit, opened_at, green, needs at `from`….
  static func helpCase(_ row: PGRow, household: Int64, from i: Int) throws -> HelpCase {
    HelpCase(
      householdID: household, mode: ServiceMode(rawValue: try row.get(i)) ?? .phone,
      helperName: try row.get(i + 1), cadence: Span(seconds: try row.get(i + 2)),
      lastVisit: try row.optional(i + 3, as: Int64.self).map(Instant.init(epochSeconds:)),
      openedAt: Instant(epochSeconds: try row.get(i + 4)),
      greenChannel: try row.get(i + 5, as: Int.self) != 0,
      needs: try row.get(i + 6))
  }

  /// The households of one unit, by room.
  public func households(ofUnit unit: Int64) throws -> [HouseholdRow] {
    try read { db in
      try db.exec(
        """
        SELECT h.id, h.unit_id, h.room, h.head_name, h.phone, h.size, h.reach, h.flags,
               c.mode, c.helper_name, c.cadence, c.last_visit, c.opened_at, c.green, c.needs
        FROM household_shown h LEFT JOIN help_case c ON c.household_id = h.id
        WHERE h.unit_id = $1 ORDER BY h.room, h.id
        """, [unit]
      ).map { row in
        let household = Household(
          id: try row.get(0), unitID: try row.get(1), room: try row.get(2), headName: try row.get(3),
          phone: try row.get(4), size: try row.get(5),
          reach: Reachability(rawValue: try row.get(6)) ?? .notReached,
          flags: VulnerabilityFlags(rawValue: try row.get(7)))
        let help =
          try row.optional(8, as: Int.self) == nil
          ? nil : try Self.helpCase(row, household: household.id, from: 8)
        return HouseholdRow(household: household, helpCase: help)
      }
    }
  }

  /// Unit leaders of the units under `scope` with their tallies over the window; empty when the
  /// scope has more than `limit` units (the page says so).
  public func leaders(under scope: Int64, at now: Instant, window: Span, limit: Int) throws -> LeaderPage {
    try read { db in
      let unitCount = try Self.unitCount(db, scope)
      guard unitCount <= limit else { return LeaderPage(rows: [], unitsInScope: unitCount, limit: limit) }
      let units = try Self.unitsUnder(db, scope).map(\.id)
      guard !units.isEmpty else { return LeaderPage(rows: [], unitsInScope: 0, limit: limit) }
      let ids = Self.array(units)
      var leaders: [Int64: LeaderRow] = [:]
      var leaderOfUnit: [Int64: Int64] = [:]
      for row in try db.exec(
        """
        SELECT u.place_id, l.id, l.name, d.name, s.name FROM unit u
        JOIN leader l ON l.id = u.leader_id JOIN department d ON d.id = l.department_id
        LEFT JOIN squad s ON s.id = l.squad_id WHERE u.place_id = ANY($1::bigint[])
        """, [ids])
      {
        let leader: Int64 = try row.get(1)
        leaderOfUnit[try row.get(0)] = leader
        if leaders[leader] == nil {
          leaders[leader] = LeaderRow(
            leaderID: leader, name: try row.get(2), department: try row.get(3), squad: try row.optional(4),
            units: 0, tally: TaskTally(), overdueNow: 0)
        }
        leaders[leader]?.units += 1
        let unit: Int64 = try row.get(0)
        let first = leaders[leader]?.unitID ?? unit
        leaders[leader]?.unitID = min(first, unit)  // the unit the board opens from the leader's row
      }
      let tasks = try Self.taskInfos(db, at: now, window: window)
      if !tasks.isEmpty {
        let byID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        for row in try db.exec(
          """
          SELECT unit_id, task_id, acked_at, finished_at FROM assignment
          WHERE unit_id = ANY($1::bigint[]) AND task_id = ANY($2::bigint[])
          """, [ids, Self.array(tasks.map(\.id))])
        {
          let unit: Int64 = try row.get(0)
          guard let leader = leaderOfUnit[unit], let task = byID[try row.get(1)] else { continue }
          let assignment = try Self.assignment(task: task.id, unit: unit, row, acked: 2)
          leaders[leader]?.count(assignment, deadlines: task.deadlines, at: now)
        }
      }
      return LeaderPage(
        rows: leaders.values.sorted { $0.leaderID < $1.leaderID }, unitsInScope: unitCount, limit: limit)
    }
  }

  /// The response rate (on time ÷ assigned, over tasks of the window whose acknowledge deadline
  /// had passed) as it stood at each of the last `hours` hour marks, oldest first.
  public func responseHistory(of place: Int64, at now: Instant, window: Span, hours: Int) throws -> [Double?]
  {
    try read { db in
      let first = now - Span(seconds: Int64(hours - 1) * 3600)
      let tasks = try Self.taskInfos(db, at: now, window: Span(seconds: window.seconds + Int64(hours) * 3600))
      guard !tasks.isEmpty else { return Array(repeating: nil, count: hours) }
      let list = Self.array(tasks.map(\.id))
      var tallies: [Int64: (assigned: Int, onTime: Int)] = [:]
      for row in try db.exec(
        "SELECT task_id, assigned, acked_on_time FROM task_tally WHERE place_id = $1 AND task_id = ANY($2::bigint[])",
        [place, list])
      {
        tallies[try row.get(0)] = (try row.get(1), try row.get(2))
      }
      if tallies.isEmpty {  // a unit: its assignments are its tallies
        let byID = Dictionary(uniqueKeysWithValues: tasks.map { ($0.id, $0) })
        for row in try db.exec(
          "SELECT task_id, acked_at, finished_at FROM assignment WHERE unit_id = $1 AND task_id = ANY($2::bigint[])",
          [place, list])
        {
          guard let task = byID[try row.get(0)] else { continue }
          var tally = TaskTally()
          tally.count(
            try Self.assignment(task: task.id, unit: place, row, acked: 1), deadlines: task.deadlines)
          tallies[task.id] = (tally.assigned, tally.acknowledgedOnTime)
        }
      }
      return (0..<hours).map { step in
        let mark = first + Span(seconds: Int64(step) * 3600)
        var assigned = 0
        var onTime = 0
        // The overview row's tasks at that mark (issued within the window before it) whose acknowledge
        // deadline had passed by it: at `now` the row's figure, less the tasks still inside their window.
        for task in tasks
        where task.issuedAt > mark - window && task.issuedAt <= mark && task.deadlines.ack <= mark {
          guard let tally = tallies[task.id] else { continue }
          assigned += tally.assigned
          onTime += tally.onTime
        }
        return assigned == 0 ? nil : Double(onTime) / Double(assigned)
      }
    }
  }
}
