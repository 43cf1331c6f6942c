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
    public init(name: String, place: Place?, figures: PlaceFigures, rank: Int, climbed: Int?) {
      self.name = name
      self.place = place
      self.figures = figures
      self.rank = rank
      self.climbed = climbed
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

  /// The children's ranking (empty when `children` was not asked for).
  public var entries: [Entry] { tables.first { $0.level == .children }?.entries ?? [] }

  public static func make(
    store: any GridStore, scope: Place, week: IsoWeek, at now: Instant,
    levels: Set<Level> = Set(Level.allCases)
  ) throws -> WeeklyBulletin {
    let at = min(now, week.end - Span(seconds: 1))
    let tasks = try store.tasks(
      in: scope.id, at: at, window: Span(seconds: at.epochSeconds - week.start.epochSeconds + 1))
    let path = try store.path(of: scope.id).description
    let scopePath = path.isEmpty ? scope.name : path
    var tables: [Table] = []
    var grouped: [IsoWeek: [Level: [Candidate]]] = [:]
    func rows(_ level: Level, _ w: IsoWeek) throws -> [Candidate] {
      guard level == .departments || level == .squads else {
        return try candidates(level, store: store, scope: scope, week: w, at: now)
      }
      if grouped[w] == nil { grouped[w] = try groups(store: store, scope: scope, week: w, at: now) }
      return grouped[w]?[level] ?? []
    }
    for level in Level.allCases where levels.contains(level) {
      let this = try rows(level, week)
      let last = try rows(level, week.previous)
      tables.append(
        Table(
          level: level, entries: ranking(this: this, last: last),
          rowsCommand: level.rowsCommand(scope: scopePath, week: week, judgedAt: at)))
    }
    return WeeklyBulletin(
      scopePath: scopePath, week: week, judgedAt: at, tables: tables, taskIDs: tasks.map(\.task.id).sorted())
  }
}
