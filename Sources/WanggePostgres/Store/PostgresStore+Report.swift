import WanggeCore
import WanggeStore

extension PostgresStore {
  /// The figures of `scope` and of each child, with the scope's overdue visits summed from its
  /// children, in one snapshot.
  public func scopeFigures(_ scope: Place, at now: Instant, window: Span) throws -> ScopeFigures {
    try read { db in
      try Self.scopeFigures(
        db, scope, unitDepth: Self.unitDepth(db), tasks: Self.tasks(db, at: now, window: window), at: now)
    }
  }

  /// `wangge report` for `scope` in one snapshot: its figures and each child's, level counts and
  /// tasks in window.
  public func placeReport(_ scope: Place, at now: Instant, window: Span) throws -> PlaceReport {
    try read { db in
      let levels = try Self.levels(db)
      let tasks = try Self.tasks(db, at: now, window: window)
      let figures = try Self.scopeFigures(db, scope, unitDepth: levels.names.count - 1, tasks: tasks, at: now)
      return PlaceReport.assemble(
        levels: levels, scope: scope, path: try Self.path(db, of: scope.id), figures: figures,
        levelCounts: try Self.levelCounts(db, under: scope.id), at: now, window: window,
        tasksInWindow: tasks.count)
    }
  }

  static func scopeFigures(
    _ db: PGConnection, _ scope: Place, unitDepth: Int, tasks: [TaskClock], at now: Instant
  )
    throws -> ScopeFigures
  {
    let children = try Self.children(db, of: scope.id)
    let places = [(id: scope.id, depth: scope.depth)] + children.map { (id: $0.id, depth: $0.depth) }
    let figures = try Self.figures(
      db, of: places, unitDepth: unitDepth, tasks: tasks, at: now,
      skippingHelpOverdue: children.isEmpty ? [] : [scope.id])
    return PlaceReport.combine(scope: scope, children: children, figures: figures)
  }
}
