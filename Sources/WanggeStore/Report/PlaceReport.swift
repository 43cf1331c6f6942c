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

  /// Builds the report for `scope` at `now`, counting tasks issued within `window` before `now`.
  public static func make(store: any Store, scope: Place, at now: Instant, window: Span) throws -> PlaceReport
  {
    let levels = try store.levels()
    let path = try store.path(of: scope.id)
    let (own, children) = try figures(store: store, scope: scope, at: now, window: window)
    let counts = try store.levelCounts(under: scope.id)
    let tasks = try store.taskCount(issuedIn: window, before: now)
    return PlaceReport(
      scope: Line(place: scope, path: path, figures: own),
      levelName: levels.name(at: scope.depth),
      children: children.map {
        Line(place: $0.place, path: path.appending($0.place.name), figures: $0.figures)
      },
      levelCounts: counts.keys.sorted().map { (levels.name(at: $0), counts[$0]!) },
      at: now, window: window, tasksInWindow: tasks)
  }

  /// The figures of `scope` and of each child, and nothing else (what the board's overview re-reads
  /// on every change). The scope's overdue visits are the sum of its children's (each case lies
  /// under one child), so they are counted once.
  public static func figures(store: any Store, scope: Place, at now: Instant, window: Span) throws
    -> (scope: PlaceFigures, children: [(place: Place, figures: PlaceFigures)])
  {
    let children = try store.children(of: scope.id)
    var figures = try store.figures(
      for: [scope.id] + children.map(\.id), at: now, window: window,
      skippingHelpOverdue: children.isEmpty ? [] : [scope.id])
    if !children.isEmpty {
      let sum = children.reduce(0) { $0 + (figures[$1.id]?.helpOverdue ?? 0) }
      figures[scope.id]?.helpOverdue = sum
    }
    return (figures[scope.id] ?? PlaceFigures(), children.map { ($0, figures[$0.id] ?? PlaceFigures()) })
  }
}
