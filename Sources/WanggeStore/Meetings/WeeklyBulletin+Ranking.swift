import WanggeCore

extension WeeklyBulletin {
  /// What a bulletin table ranks.
  public enum Level: String, Sendable, CaseIterable, Hashable {
    /// The scope's children (e.g. the streets of a city).
    case children
    /// Every command station (a place with `has_station`) in scope.
    case stations
    /// The departments (机关部门) whose staff lead the scope's units.
    case departments
    /// Those departments' squads (组).
    case squads

    /// The table's title.
    public var title: String {
      switch self {
      case .children: "下级排名"
      case .stations: "指挥站排名"
      case .departments: "机关部门排名"
      case .squads: "部门小组排名"
      }
    }

    /// The command that lists the rows behind this table's figures over the week judged at `judgedAt`.
    public func rowsCommand(scope: String, week: IsoWeek, judgedAt: Instant) -> String {
      let at = InstantFormat.iso(judgedAt)
      let days = max(1, (judgedAt.epochSeconds - week.start.epochSeconds + 86_399) / 86_400)
      switch self {
      case .children, .stations: return "wangge tasks --scope \(scope) --at \(at) --days \(days)"
      case .departments:
        return "wangge rankings --by department --scope \(scope) --at \(at) --days \(days)"
      case .squads: return "wangge rankings --by squad --scope \(scope) --at \(at) --days \(days)"
      }
    }
  }

  /// One ranked table of the bulletin.
  public struct Table: Sendable, Hashable {
    public var level: Level
    public var entries: [Entry]
    /// The command that lists the rows behind the figures (with the task ids of the footer).
    public var rowsCommand: String
    public init(level: Level, entries: [Entry], rowsCommand: String) {
      self.level = level
      self.entries = entries
      self.rowsCommand = rowsCommand
    }
    /// The best row (first with assignments), nil when nothing was assigned.
    public var best: Entry? { entries.first { $0.figures.assigned > 0 } }
    /// The worst row with assignments, nil unless two rows had assignments.
    public var worst: Entry? {
      let ranked = entries.filter { $0.figures.assigned > 0 }
      return ranked.count > 1 ? ranked.last : nil
    }
  }

  /// A row before ranking: `key` identifies it across weeks (a place id, a department or squad name).
  public struct Candidate: Sendable, Hashable {
    public var key: String
    public var name: String
    public var place: Place?
    public var figures: PlaceFigures
    public init(key: String, name: String, place: Place? = nil, figures: PlaceFigures) {
      self.key = key
      self.name = name
      self.place = place
      self.figures = figures
    }
  }

  /// A rank change as the bulletins write it: `↑2` climbed two places, `↓1` fell one, `—` held,
  /// `新` not ranked last week.
  public static func arrow(_ climbed: Int?) -> String {
    guard let c = climbed else { return "新" }
    return c > 0 ? "↑\(c)" : c < 0 ? "↓\(-c)" : "—"
  }

  /// Orders by on-time response (higher first), then completion, then fewer overdue visits, then name.
  static func ordered(_ list: [Candidate]) -> [Candidate] {
    list.sorted { a, b in
      let ra = a.figures.responseRate ?? -1
      let rb = b.figures.responseRate ?? -1
      if ra != rb { return ra > rb }
      let ca = a.figures.completionRate ?? -1
      let cb = b.figures.completionRate ?? -1
      if ca != cb { return ca > cb }
      if a.figures.helpOverdue != b.figures.helpOverdue {
        return a.figures.helpOverdue < b.figures.helpOverdue
      }
      if a.name != b.name { return a.name < b.name }
      return a.key < b.key
    }
  }

  /// This week's rows ranked 1…n, each with its climb against last week's rank of the same key (nil
  /// when the key was absent last week or had nothing assigned then).
  public static func ranking(this: [Candidate], last: [Candidate]) -> [Entry] {
    var before: [String: Int] = [:]
    for (i, c) in ordered(last).enumerated() where c.figures.assigned > 0 { before[c.key] = i + 1 }
    return ordered(this).enumerated().map { i, c in
      Entry(
        name: c.name, place: c.place, figures: c.figures, rank: i + 1,
        climbed: before[c.key].map { $0 - (i + 1) })
    }
  }
}
