import Testing
import TerminalUI
import WanggeBoard
import WanggeCore

/// Board messages follow the board's language (`:theme`, durations in sentences).
struct BoardMessagesTests {
  @Test func anUnknownThemeIsRefusedInChinese() throws {
    let board = try BoardFixture.board()
    _ = try board.run(command: "theme purple", tick: 0)
    #expect(board.requestedTheme == nil, "an unknown theme is not handed to the runner")
    let screen = BoardFixture.render(board, width: 160, height: 30, tick: 0.1).text
    #expect(screen.contains("没有主题“purple”（可用：default、light"))
  }

  @Test func anUnknownThemeIsRefusedInEnglish() throws {
    let board = try BoardFixture.board(language: .en)
    _ = try board.run(command: "theme purple", tick: 0)
    #expect(BoardFixture.render(board, width: 160, height: 30, tick: 0.1).text.contains("No theme “purple”"))
  }

  @Test func aKnownThemeIsHandedToTheRunner() throws {
    let board = try BoardFixture.board()
    _ = try board.run(command: "theme mono", tick: 0)
    #expect(board.requestedTheme == "mono")
  }
}

/// A scope over the leader limit ranks its departments and squads instead of listing no one.
struct BoardLargeScopeTests {
  @Test func theLeadersViewOverTheLimitShowsDepartmentsAndSquads() throws {
    let board = try BoardFixture.board()
    board.leaderUnitLimit = 100
    _ = try board.run(command: "view leaders", tick: 0)
    #expect(board.view == .leaders)
    #expect(!board.rows.isEmpty, "departments are listed")
    let screen = BoardFixture.render(board, width: 160, height: 48).text
    #expect(screen.contains("部门排名") && screen.contains("小组排名") && screen.contains("超过逐人列出的上限 100"))
    #expect(!screen.contains("0 人"))
  }
}

/// The task detail of a scope over the unit limit ranks the task's stations instead of a blank table.
struct BoardLargeTaskDetailTests {
  @Test func theTaskDetailOverTheLimitRanksItsStations() throws {
    let board = try BoardFixture.board(view: .tasks)
    board.leaderUnitLimit = 100
    _ = board.handle(.enter, tick: 0)
    #expect(board.view == .taskDetail)
    #expect(!board.rows.isEmpty)
    #expect(BoardFixture.render(board, width: 160, height: 48).text.contains("单元超过 100 个，按指挥部汇总"))
  }
}
