import WanggeCore

/// The figures for a scope and each of its children, as `wangge report` and the board's overview show them.
public struct PlaceReport: Sendable {
  /// One place's line of the report.
  public struct Line: Sendable {
    public var place: Place
    public var path: PlacePath
    public var figures: PlaceFigures
  }

  public var scope: Line
  public var levelName: String
  public var children: [Line]
  public var levelCounts: [(name: String, count: Int)]
  public var at: Instant
  public var window: Span
  public var tasksInWindow: Int
  public init(
    scope: Line, levelName: String, children: [Line], levelCounts: [(name: String, count: Int)], at: Instant,
    window: Span, tasksInWindow: Int
  ) {
    self.scope = scope
    self.levelName = levelName
    self.children = children
    self.levelCounts = levelCounts
    self.at = at
    self.window = window
    self.tasksInWindow = tasksInWindow
  }

  /// Builds the report for `scope` at `now`, counting tasks issued within `window` before `now`.
  public static func make(store: any Store, scope: Place, at now: Instant, window: Span) throws -> PlaceReport
  {
    try store.placeReport(scope, at: now, window: window)
  }

  /// The figures of `scope` and of each child, and nothing else (what the board's overview re-reads
  /// on every change).
  public static func figures(store: any Store, scope: Place, at now: Instant, window: Span) throws
    -> ScopeFigures
  {
    try store.scopeFigures(scope, at: now, window: window)
  }

  /// A report from parts a store has read.
  public static func assemble(
    levels: LevelChain, scope: Place, path: PlacePath, figures: ScopeFigures, levelCounts counts: [Int: Int],
    at now: Instant, window: Span, tasksInWindow: Int
  ) -> PlaceReport {
    PlaceReport(
      scope: Line(place: scope, path: path, figures: figures.scope),
      levelName: levels.name(at: scope.depth),
      children: figures.children.map {
        Line(place: $0.place, path: path.appending($0.place.name), figures: $0.figures)
      },
      levelCounts: counts.keys.sorted().map { (levels.name(at: $0), counts[$0]!) },
      at: now, window: window, tasksInWindow: tasksInWindow)
  }
}

/// The figures of a scope and of each of its children, in the children's order.
public typealias ScopeFigures = (scope: PlaceFigures, children: [(place: Place, figures: PlaceFigures)])

extension Store {
  /// Composed from the other requirements (several reads); a store may answer in one.
  public func scopeFigures(_ scope: Place, at now: Instant, window: Span) throws -> ScopeFigures {
    let children = try self.children(of: scope.id)
    let figures = try self.figures(for: [scope.id] + children.map(\.id), at: now, window: window)
    return PlaceReport.combine(scope: scope, children: children, figures: figures)
  }

  /// Composed from the other requirements (several reads); a store may answer in one.
  public func placeReport(_ scope: Place, at now: Instant, window: Span) throws -> PlaceReport {
    PlaceReport.assemble(
      levels: try levels(), scope: scope, path: try path(of: scope.id),
      figures: try scopeFigures(scope, at: now, window: window),
      levelCounts: try levelCounts(under: scope.id),
      at: now, window: window, tasksInWindow: try taskCount(issuedIn: window, before: now))
  }
}

extension PlaceReport {
  /// The scope's line and its children's from figures read for `[scope] + children`: the scope's
  /// overdue visits are the sum of its children's (each case lies under one child), so they are
  /// counted once.
  public static func combine(scope: Place, children: [Place], figures: [Int64: PlaceFigures]) -> ScopeFigures
  {
    var own = figures[scope.id] ?? PlaceFigures()
    if !children.isEmpty {
      own.helpOverdue = children.reduce(0) { $0 + (figures[$1.id]?.helpOverdue ?? 0) }
    }
    return (own, children.map { ($0, figures[$0.id] ?? PlaceFigures()) })
  }
}
