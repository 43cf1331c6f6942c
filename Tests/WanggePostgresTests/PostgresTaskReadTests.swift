import Foundation
import Testing
import WanggeCore
import WanggePostgres
import WanggeStore

/// The task desk's reads on PostgreSQL equal the SQLite engine's on the same rows (reminders included).
@Suite(.enabled(if: TestServer.available, "skipped: no server (WANGGE_TEST_POSTGRES)"))
struct PostgresTaskReadTests {
  @Test func taskReadsEqualTheSQLiteEngineOnTheSameRows() throws {
    let sqlite = try SQLiteFixture.tinyDemo()
    defer { SQLiteFixture.remove(sqlite) }
    let now = SQLiteFixture.anchor
    let window = Span.days(7)
    let root = try sqlite.root()
    let tasks = try sqlite.tasks(in: root.id, at: now, window: window)
    #expect(!tasks.isEmpty, "the demo has tasks in the window")
    let late = try #require(
      tasks.first { $0.acknowledgementsOverdue + $0.finishesOverdue > 0 },
      "a task of the demo is overdue somewhere")
    let reminded = try sqlite.remind(task: late.task.id, under: root.id, operator: "值班员", at: now)
    let scratch = try TestServer.scratch("tasks")
    defer { scratch.drop() }
    try SQLiteFixture.load(sqlite, into: try scratch.connect())
    let pg = try PostgresStore(try #require(PGTarget(TestServer.url!)), database: scratch.name)

    var all: [Place] = [root]
    var i = 0
    while i < all.count {
      all += try sqlite.children(of: all[i].id)
      i += 1
    }
    let unitDepth = try sqlite.levels().names.count - 1
    let scopes =
      [root] + all.filter { $0.depth == 1 || $0.depth == 2 }.prefix(4)
      + all.filter { $0.depth == unitDepth }.prefix(8)
    for scope in scopes {
      #expect(try pg.fanOut(of: scope.id) == sqlite.fanOut(of: scope.id))
      #expect(
        try pg.tasks(in: scope.id, at: now, window: window)
          == sqlite.tasks(in: scope.id, at: now, window: window))
      #expect(
        try pg.tasks(in: scope.id, at: now + .days(2), window: .days(30))
          == sqlite.tasks(in: scope.id, at: now + .days(2), window: .days(30)))
    }
    for scope in scopes.prefix(4) {
      for t in tasks.prefix(3) + [late] {
        #expect(
          try pg.assignments(of: t.task.id, under: scope.id, at: now, limit: 40)
            == sqlite.assignments(of: t.task.id, under: scope.id, at: now, limit: 40))
      }
      for dimension in RankingDimension.allCases {
        for task in [nil, late.task.id] {
          #expect(
            try pg.rankings(by: dimension, task: task, under: scope.id, at: now, window: window)
              == sqlite.rankings(by: dimension, task: task, under: scope.id, at: now, window: window))
        }
      }
    }
    #expect(reminded > 0, "reminders were written")
    let withReminders = try pg.assignments(of: late.task.id, under: root.id, at: now, limit: 10_000)
    #expect(withReminders.filter { $0.reminders > 0 }.count == reminded)
    #expect(
      try pg.tasks(in: root.id, at: now, window: window).first { $0.task.id == late.task.id }?.reminders
        == reminded)
    for scope in scopes {
      for t in [late] + tasks.prefix(2) {
        #expect(
          try pg.lastReminder(task: t.task.id, under: scope.id)
            == sqlite.lastReminder(task: t.task.id, under: scope.id))
      }
    }
    #expect(try pg.lastReminder(task: late.task.id, under: root.id) == now)
    #expect(throws: TaskDeskError.unknownTask(999_999)) {
      try pg.assignments(of: 999_999, under: root.id, at: now, limit: 5)
    }
  }
}
