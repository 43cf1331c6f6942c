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
