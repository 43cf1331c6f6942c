import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore {
  public func helpCases(under scope: Int64, filter: HelpFilter, limit: Int) throws -> HelpCasePage {
    try read { db in
      var conditions = ["d.place_id = ?"]
      var arguments: [any DatabaseValueConvertible] = [scope]
      if !filter.flags.isEmpty {
        conditions.append("(h.flags & ?) = ?")
        arguments += [filter.flags.rawValue, filter.flags.rawValue]
      }
      if let mode = filter.mode {
        conditions.append("c.mode = ?")
        arguments.append(mode.rawValue)
      }
      let from = """
        FROM help_due d JOIN help_case c ON c.household_id = d.household_id
        JOIN household h ON h.id = d.household_id
        WHERE \(conditions.joined(separator: " AND "))
        """
      let total =
        try Int.fetchOne(db, sql: "SELECT count(*) \(from)", arguments: StatementArguments(arguments)) ?? 0
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT c.household_id, c.mode, c.helper_name, c.cadence, c.last_visit, c.opened_at, c.green, c.needs,
                 h.unit_id, h.room, h.head_name, h.phone, h.flags
          \(from) ORDER BY c.green DESC, d.due_at, d.household_id LIMIT ?
          """, arguments: StatementArguments(arguments + [limit]))
      return HelpCasePage(rows: try Self.helpRows(db, rows), total: total)
    }
  }

  /// The action queue's help cases under `scope`: at most `green` green-channel cases, then at most
  /// `late` others whose visit was due before `now`, each part in due order; no total is counted and no
  /// last visit note read (the queue shows none).
  /// The late part walks `help_due_by_time` and stops at its limit. The green part walks whichever
  /// passes fewer rows: the scope's cases in due order, or every green channel in due order along
  /// `help_case_green_due`, keeping the scope's (a city's root passes ~30 cases per green channel).
  public func urgentHelp(under scope: Int64, at now: Instant, green: Int, late: Int) throws -> [HelpCaseRow] {
    try read { db in
      let select = """
        SELECT c.household_id, c.mode, c.helper_name, c.cadence, c.last_visit, c.opened_at, c.green, c.needs,
               h.unit_id, h.room, h.head_name, h.phone, h.flags
        FROM help_due d INDEXED BY help_due_by_time JOIN help_case c ON c.household_id = d.household_id
        JOIN household h ON h.id = d.household_id
        """
      let greens = green <= 0 ? [] : try Self.greenHelp(db, select: select, under: scope, limit: green)
      let lates =
        late <= 0
        ? []
        : try Row.fetchAll(
          db.cachedStatement(
            sql: """
              \(select) WHERE d.place_id = ? AND d.due_at < ? AND c.green = 0
              ORDER BY d.due_at, d.household_id LIMIT ?
              """), arguments: [scope, now.epochSeconds, late])
      return try Self.helpRows(db, greens + lates, notes: false)
    }
  }

  /// The first `limit` green-channel cases under `scope` in due order, by the cheaper of the two ways.
  private static func greenHelp(_ db: Database, select: String, under scope: Int64, limit: Int) throws
    -> [Row]
  {
    let counts = try RawStatement(
      cached: db, "SELECT help_cases, green_open FROM place_stats WHERE place_id = ?")
    func stats(_ id: Int64) throws -> (cases: Int64, green: Int64) {
      counts.bind([id])
      defer { counts.reset() }
      return try counts.step() ? (counts.int(0) ?? 0, counts.int(1) ?? 0) : (0, 0)
    }
    let root = try Self.root(db).id
    let here = try stats(scope)
    let everywhere = try stats(root)
    // Rows passed before `limit` of the scope's green channels are found, along each order.
    let share = max(here.green, 1)
    let passedAlongScope = Int64(limit) * here.cases / share
    let passedAlongGreen = min(everywhere.green, Int64(limit) * everywhere.green / share)
    if passedAlongGreen < passedAlongScope {
      // Every case lies under the root: there, each green channel along the index is one of the scope's.
      let mine =
        scope == root
        ? ""
        : "AND EXISTS (SELECT 1 FROM help_due d WHERE d.place_id = ? AND d.household_id = g.household_id)"
      return try Row.fetchAll(
        db.cachedStatement(
          sql: """
            SELECT g.household_id, g.mode, g.helper_name, g.cadence, g.last_visit, g.opened_at, g.green, g.needs,
                   h.unit_id, h.room, h.head_name, h.phone, h.flags
            FROM help_case g INDEXED BY help_case_green_due JOIN household h ON h.id = g.household_id
            WHERE g.green <> 0 \(mine)
            ORDER BY coalesce(g.last_visit, g.opened_at) + g.cadence, g.household_id LIMIT ?
            """), arguments: scope == root ? [limit] : [scope, limit])
    }
    return try Row.fetchAll(
      db.cachedStatement(
        sql: "\(select) WHERE d.place_id = ? AND c.green <> 0 ORDER BY d.due_at, d.household_id LIMIT ?"),
      arguments: [scope, limit])
  }

  /// Help case rows from columns household_id, mode, helper_name, cadence, last_visit, opened_at, green,
  /// needs, unit_id, room, head_name, phone, flags; with unit labels, and last visit notes when `notes`.
  static func helpRows(_ db: Database, _ rows: [Row], notes withNotes: Bool = true) throws -> [HelpCaseRow] {
    let labels = try Self.unitLabels(db, rows.map { $0[8] })
    let notes = withNotes ? try Self.lastVisitNotes(db, rows.map { $0[0] }) : [:]
    return rows.map { row in
      let unit: Int64 = row[8]
      return HelpCaseRow(
        helpCase: HelpCase(
          householdID: row[0], mode: ServiceMode(rawValue: row[1]) ?? .phone, helperName: row[2],
          cadence: Span(seconds: row[3]), lastVisit: (row[4] as Int64?).map(Instant.init(epochSeconds:)),
          openedAt: Instant(epochSeconds: row[5]), greenChannel: (row[6] as Int) != 0, needs: row[7]),
        unitID: unit, unitLabel: labels[unit] ?? [], room: row[9], headName: row[10], phone: row[11],
        flags: VulnerabilityFlags(rawValue: row[12]), lastNote: notes[row[0]])
    }
  }

  /// Each unit's compound, building and unit names, e.g. ["水映花城小区", "12号楼", "3单元"], in one query.
  static func unitLabels(_ db: Database, _ units: [Int64]) throws -> [Int64: [String]] {
    let ids = Array(Set(units))
    guard !ids.isEmpty else { return [:] }
    var out: [Int64: [String]] = [:]
    for row in try Row.fetchAll(
      db.cachedStatement(
        sql: """
          SELECT u.id, c.name, b.name, u.name FROM place u LEFT JOIN place b ON b.id = u.parent_id
          LEFT JOIN place c ON c.id = b.parent_id WHERE u.id IN \(IDList.values)
          """), arguments: [IDList.json(ids)])
    {
      out[row[0]] = [row[1] as String?, row[2] as String?, row[3] as String?].compactMap { $0 }.filter {
        !$0.isEmpty
      }
    }
    return out
  }

  public func households(ofUnit unit: Int64) throws -> [HouseholdRow] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT h.id, h.unit_id, h.room, h.head_name, h.phone, h.size, h.reach, h.flags,
                 c.mode, c.helper_name, c.cadence, c.last_visit, c.opened_at, c.green, c.needs
          FROM household h LEFT JOIN help_case c ON c.household_id = h.id
          WHERE h.unit_id = ? ORDER BY h.room, h.id
          """, arguments: [unit]
      ).map { row in
        let household = Household(
          id: row[0], unitID: row[1], room: row[2], headName: row[3], phone: row[4], size: row[5],
          reach: Reachability(rawValue: row[6]) ?? .notReached, flags: VulnerabilityFlags(rawValue: row[7]))
        var help: HelpCase?
        if let mode = row[8] as Int? {
          help = HelpCase(
            householdID: household.id, mode: ServiceMode(rawValue: mode) ?? .phone, helperName: row[9],
            cadence: Span(seconds: row[10]), lastVisit: (row[11] as Int64?).map(Instant.init(epochSeconds:)),
            openedAt: Instant(epochSeconds: row[12]), greenChannel: (row[13] as Int) != 0, needs: row[14])
        }
        return HouseholdRow(household: household, helpCase: help)
      }
    }
  }
}

extension SQLiteStore {
  /// The smallest and largest household id (for benchmarks and simulators picking rows cheaply).
  public func householdIDRange() throws -> ClosedRange<Int64> {
    try read { db in
      let row = try Row.fetchOne(db, sql: "SELECT min(id), max(id) FROM household")
      let low: Int64 = row?[0] ?? 1
      let high: Int64 = row?[1] ?? 1
      return low...max(low, high)
    }
  }
}
