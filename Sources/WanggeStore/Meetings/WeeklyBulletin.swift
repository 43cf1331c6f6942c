import WanggeCore

/// The weekly bulletin (周通报): the children of a place ranked over one ISO week by on-time response,
/// finish and overdue visits, with each one's rank change against the week before.
public struct WeeklyBulletin: Sendable {
  /// One ranked child.
  public struct Entry: Sendable, Hashable {
    public var place: Place
    public var figures: PlaceFigures
    public var rank: Int
    /// Last week's rank minus this week's (positive: climbed), nil when unranked last week.
    public var climbed: Int?
    /// 迟报 / 漏报 / 瞒报 of the stations under it over the week (``ReportDesk/reportCounters(under:since:until:)``).
    public var reports = WeeklyReportCounts()
  }
  public var scopePath: String
  public var week: IsoWeek
  /// The instant the week's figures are judged at (its end, or `now` within the week).
  public var judgedAt: Instant
  public var entries: [Entry]
  /// The tasks counted (issued within the week), so every figure can be traced to its rows.
  public var taskIDs: [Int64]
  /// The week's 迟报 / 漏报 / 瞒报 per station and station commander (指挥长) under the scope, rows with
  /// any count only, most counted first.
  public var commanders: [WeeklyCommanderCount] = []

  /// Orders by on-time response (higher first), then completion, then fewer overdue visits, then name.
  static func ranked(_ list: [(Place, PlaceFigures)]) -> [(Place, PlaceFigures)] {
    list.sorted { a, b in
      let ra = a.1.responseRate ?? -1
      let rb = b.1.responseRate ?? -1
      if ra != rb { return ra > rb }
      let ca = a.1.completionRate ?? -1
      let cb = b.1.completionRate ?? -1
      if ca != cb { return ca > cb }
      if a.1.helpOverdue != b.1.helpOverdue { return a.1.helpOverdue < b.1.helpOverdue }
      return a.0.name < b.0.name
    }
  }

  public static func make(store: any GridStore, scope: Place, week: IsoWeek, at now: Instant) throws
    -> WeeklyBulletin
  {
    let children = try store.children(of: scope.id)
    let ids = children.map(\.id)
    func rank(_ w: IsoWeek) throws -> [Int64: (Int, PlaceFigures)] {
      let at = min(now, w.end - Span(seconds: 1))
      let f = try store.figures(
        for: ids, at: at, window: Span(seconds: at.epochSeconds - w.start.epochSeconds + 1))
      let ordered = ranked(children.map { ($0, f[$0.id] ?? PlaceFigures()) })
      var out: [Int64: (Int, PlaceFigures)] = [:]
      for (i, e) in ordered.enumerated() { out[e.0.id] = (i + 1, e.1) }
      return out
    }
    let this = try rank(week)
    let last = try rank(week.previous)
    let at = min(now, week.end - Span(seconds: 1))
    let until = at + Span(seconds: 1)
    let entries = try children.map { c -> Entry in
      let (r, f) = this[c.id]!
      let climbed = last[c.id].flatMap { $0.1.assigned > 0 ? $0.0 - r : nil }
      let counts = WeeklyReportCounts(
        try store.reportCounters(under: c.id, since: week.start, until: until))
      return Entry(place: c, figures: f, rank: r, climbed: climbed, reports: counts)
    }.sorted { $0.rank < $1.rank }
    let commanders = try store.reportCounters(under: scope.id, since: week.start, until: until)
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
    let tasks = try store.tasks(
      in: scope.id, at: at, window: Span(seconds: at.epochSeconds - week.start.epochSeconds + 1))
    let path = try store.path(of: scope.id).description
    return WeeklyBulletin(
      scopePath: path.isEmpty ? scope.name : path, week: week, judgedAt: at, entries: entries,
      taskIDs: tasks.map(\.task.id).sorted(), commanders: commanders)
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
