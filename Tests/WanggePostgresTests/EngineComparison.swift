import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// Compares everything a caller can read from two stores that should hold the same grid.
enum EngineComparison {
  /// Reports, figures, tasks, assignments, help cases and verify, over the root, its first levels
  /// and a few units, at `now` and two days later.
  static func expectSameReads(
    _ pg: any GridStore, _ sqlite: any GridStore, at now: Instant,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let root = try sqlite.root()
    var all: [Place] = [root]
    var i = 0
    while i < all.count {
      all += try sqlite.children(of: all[i].id)
      i += 1
    }
    let unitDepth = try sqlite.levels().names.count - 1
    let scopes =
      [root] + all.filter { $0.depth == 1 || $0.depth == 2 }.prefix(4)
      + all.filter { $0.depth == unitDepth }.prefix(6)
    for when in [now, now + .days(2)] {
      for scope in scopes {
        let a = try pg.placeReport(scope, at: when, window: .days(7))
        let b = try sqlite.placeReport(scope, at: when, window: .days(7))
        #expect(a.scope.figures == b.scope.figures, "report of \(scope.id)", sourceLocation: sourceLocation)
        #expect(
          a.children.map(\.figures) == b.children.map(\.figures), "children of \(scope.id)",
          sourceLocation: sourceLocation)
        #expect(a.tasksInWindow == b.tasksInWindow, sourceLocation: sourceLocation)
        #expect(try pg.fanOut(of: scope.id) == sqlite.fanOut(of: scope.id), sourceLocation: sourceLocation)
        #expect(
          try pg.tasks(in: scope.id, at: when, window: .days(30))
            == sqlite.tasks(in: scope.id, at: when, window: .days(30)), "tasks in \(scope.id)",
          sourceLocation: sourceLocation)
      }
    }
    for t in try sqlite.tasks(in: root.id, at: now, window: .days(30)) {
      #expect(
        try pg.assignments(of: t.task.id, under: root.id, at: now, limit: 100_000)
          == sqlite.assignments(of: t.task.id, under: root.id, at: now, limit: 100_000),
        "assignments of task \(t.task.id)", sourceLocation: sourceLocation)
    }
    #expect(
      try pg.helpCases(under: root.id, filter: HelpFilter(), limit: 50)
        == sqlite.helpCases(under: root.id, filter: HelpFilter(), limit: 50), sourceLocation: sourceLocation)
    for unit in scopes where unit.depth == unitDepth {
      #expect(
        try pg.households(ofUnit: unit.id) == sqlite.households(ofUnit: unit.id),
        sourceLocation: sourceLocation)
    }
    #expect(try pg.verify() == [], "PostgreSQL verify", sourceLocation: sourceLocation)
    #expect(try sqlite.verify() == [], "SQLite verify", sourceLocation: sourceLocation)
    #expect(
      try pg.boundViolations().map(\.description) == sqlite.boundViolations().map(\.description),
      sourceLocation: sourceLocation)
  }
}
