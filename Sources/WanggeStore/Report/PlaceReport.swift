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
    let children = try store.children(of: scope.id)
    // The scope's overdue visits are the sum of its children's (each case lies under one child).
    var figures = try store.figures(
      for: [scope.id] + children.map(\.id), at: now, window: window,
      skippingHelpOverdue: children.isEmpty ? [] : [scope.id])
    if !children.isEmpty {
      let sum = children.reduce(0) { $0 + (figures[$1.id]?.helpOverdue ?? 0) }
      figures[scope.id]?.helpOverdue = sum
    }
    let counts = try store.levelCounts(under: scope.id)
    let tasks = try store.taskCount(issuedIn: window, before: now)
    return PlaceReport(
      scope: Line(place: scope, path: path, figures: figures[scope.id] ?? PlaceFigures()),
      levelName: levels.name(at: scope.depth),
      children: children.map {
        Line(place: $0, path: path.appending($0.name), figures: figures[$0.id] ?? PlaceFigures())
      },
      levelCounts: counts.keys.sorted().map { (levels.name(at: $0), counts[$0]!) },
      at: now, window: window, tasksInWindow: tasks)
  }
}
