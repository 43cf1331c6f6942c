import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// The overview's action queue (composed from contract reads) is the same on PostgreSQL as on SQLite.
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresActionQueueTests {
  @Test func actionQueueEqualsTheSQLiteEnginesAtEveryLevel() throws {
    let sqlite = try SQLiteFixture.tinyDemo()
    defer { SQLiteFixture.remove(sqlite) }
    let scratch = try TestServer.scratch("actions")
    defer { scratch.drop() }
    try SQLiteFixture.load(sqlite, into: try scratch.connect())
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)
    let window = Span.days(7)
    var scopes = [try sqlite.root()]
    while let last = scopes.last, let child = try sqlite.children(of: last.id).first { scopes.append(child) }
    var listed = 0
    for now in [SQLiteFixture.anchor, SQLiteFixture.anchor - .hours(30)] {
      for scope in scopes {
        let tasks = try sqlite.tasks(in: scope.id, at: now, window: window)
        #expect(tasks == (try pg.tasks(in: scope.id, at: now, window: window)))
        for limit in [5, 50] {
          let mine = try PostgresReads(pg: pg).actionQueue(
            under: scope, tasks: tasks, at: now, window: window, limit: limit)
          let theirs = try sqlite.actionQueue(
            under: scope, tasks: tasks, at: now, window: window, limit: limit)
          #expect(mine == theirs, "\(scope.name) at \(now) limit \(limit)")
          #expect(mine.items.count <= max(limit, mine.items.filter { !$0.kind.isOverdue }.count))
          listed += mine.items.count
        }
      }
    }
    #expect(listed > 0, "the tiny demo has something to act on")
  }
}

/// The PostgreSQL engine's reads as the action queue asks for them.
private struct PostgresReads: ActionQueueReads {
  let pg: PostgresStore
  func children(of id: Int64) throws -> [Place] { try pg.children(of: id) }
  func figures(for ids: [Int64], at now: Instant, window: Span) throws -> [Int64: PlaceFigures] {
    try pg.figures(for: ids, at: now, window: window)
  }
  func tasks(in scope: Int64, at now: Instant, window: Span) throws -> [TaskSummary] {
    try pg.tasks(in: scope, at: now, window: window)
  }
  func assignments(of task: Int64, under scope: Int64, at now: Instant, limit: Int) throws
    -> [AssignmentDetail]
  {
    try pg.assignments(of: task, under: scope, at: now, limit: limit)
  }
  func overdueAssignments(of task: Int64, at now: Instant, limit: Int) throws -> [AssignmentDetail] {
    try pg.overdueAssignments(of: task, at: now, limit: limit)
  }
  func urgentHelp(under scope: Int64, at now: Instant, green: Int, late: Int) throws -> [HelpCaseRow] {
    try pg.urgentHelp(under: scope, at: now, green: green, late: late)
  }
}
