import WanggeCore

/// The weekly bulletin (周通报): over one ISO week, the children of a place, its command stations, the
/// departments whose staff lead its units and their squads, each ranked by on-time response, finish
/// and overdue visits, with each row's rank change against the week before.
public struct WeeklyBulletin: Sendable {
  /// One ranked row of any table (a place, a department or a squad): the row model every table shares.
  public struct Entry: Sendable, Hashable {
    /// The name shown (a place's name, a department's, or `部门·组`).
    public var name: String
    /// The place ranked (nil for a department or squad).
    public var place: Place?
    public var figures: PlaceFigures
    public var rank: Int
    /// Last week's rank minus this week's (positive: climbed), nil when unranked last week.
    public var climbed: Int?
    /// 迟报 / 漏报 / 瞒报 of the stations under it over the week (``ReportDesk/reportCounters(under:since:until:)``;
    /// zero for a department or squad, which file no reports).
    public var reports = WeeklyReportCounts()
    public init(
      name: String, place: Place?, figures: PlaceFigures, rank: Int, climbed: Int?,
      reports: WeeklyReportCounts = WeeklyReportCounts()
    ) {
      self.name = name
      self.place = place
      self.figures = figures
      self.rank = rank
      self.climbed = climbed
      self.reports = reports
    }
  }
  public var scopePath: String
  public var week: IsoWeek
  /// The instant the week's figures are judged at (its end, or `now` within the week).
  public var judgedAt: Instant
  /// The tables asked for, in ``Level`` order.
  public var tables: [Table]
  /// The tasks counted (issued within the week), so every figure can be traced to its rows.
  public var taskIDs: [Int64]
  /// The week's 迟报 / 漏报 / 瞒报 per station and station commander (指挥长) under the scope, rows with
  /// any count only, most counted first.
  public var commanders: [WeeklyCommanderCount] = []

  /// The children's ranking (empty when `children` was not asked for).
  public var entries: [Entry] { tables.first { $0.level == .children }?.entries ?? [] }

  public static func make(
    store: any GridStore, scope: Place, week: IsoWeek, at now: Instant,
    levels: Set<Level> = Set(Level.allCases)
  ) throws -> WeeklyBulletin {
    let at = min(now, week.end - Span(seconds: 1))
    let until = at + Span(seconds: 1)
    let tasks = try store.tasks(
      in: scope.id, at: at, window: Span(seconds: at.epochSeconds - week.start.epochSeconds + 1))
    let path = try store.path(of: scope.id).description
    let scopePath = path.isEmpty ? scope.name : path
    let counters = try store.reportCounters(under: scope.id, since: week.start, until: until)
    var grouped: [IsoWeek: [Level: [Candidate]]] = [:]
    func rows(_ level: Level, _ w: IsoWeek) throws -> [Candidate] {
      guard level == .departments || level == .squads else {
        return try candidates(level, store: store, scope: scope, week: w, at: now)
      }
      if grouped[w] == nil { grouped[w] = try groups(store: store, scope: scope, week: w, at: now) }
      return grouped[w]?[level] ?? []
    }
    var tables: [Table] = []
    for level in Level.allCases where levels.contains(level) {
      var entries = ranking(this: try rows(level, week), last: try rows(level, week.previous))
      switch level {
      case .children:
        for i in entries.indices {
          guard let p = entries[i].place else { continue }
          entries[i].reports = WeeklyReportCounts(
            try store.reportCounters(under: p.id, since: week.start, until: until))
        }
      case .stations:
        for i in entries.indices {
          guard let p = entries[i].place else { continue }
          entries[i].reports = WeeklyReportCounts(counters.filter { $0.stationID == p.id })
        }
      case .departments, .squads: break
      }
      tables.append(
        Table(
          level: level, entries: entries,
          rowsCommand: level.rowsCommand(scope: scopePath, week: week, judgedAt: at)))
    }
    let commanders =
      counters
      .filter { $0.late + $0.missed + $0.concealed > 0 }
      .map { c in
        WeeklyCommanderCount(
          stationID: c.stationID,
          station: ((try? store.place(id: c.stationID)) ?? nil)?.name ?? "\(c.stationID)",
          commander: c.commander, counts: WeeklyReportCounts([c]))
      }
      .sorted {
        ($1.counts.total, $0.stationID, $0.commander) < ($0.counts.total, $1.stationID, $1.commander)
      }
    return WeeklyBulletin(
      scopePath: scopePath, week: week, judgedAt: at, tables: tables, taskIDs: tasks.map(\.task.id).sorted(),
      commanders: commanders)
  }
}

/// 迟报 / 漏报 / 瞒报 counted over one bulletin week.
public struct WeeklyReportCounts: Sendable, Hashable {
  public var late = 0
  public var missed = 0
  public var concealed = 0
  public init() {}
  /// The sums of `counters` (the stations under one place, or one station and commander).
  public init(_ counters: [ReportCounter]) {
    late = counters.reduce(0) { $0 + $1.late }
    missed = counters.reduce(0) { $0 + $1.missed }
    concealed = counters.reduce(0) { $0 + $1.concealed }
  }
  public var total: Int { late + missed + concealed }
}

/// One station and its commander with the week's counts (the bulletin's 追责 lines).
public struct WeeklyCommanderCount: Sendable, Hashable {
  public var stationID: Int64
  public var station: String
  /// The commander named when the reports were filed ('' when none was named).
  public var commander: String
  public var counts: WeeklyReportCounts
}
