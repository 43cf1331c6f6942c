import SnapshotSupport
import Testing
import TerminalUI
import WanggeBoard

/// Every view at 80×24 and 160×48 in Chinese and English, compared with committed screens.
@Suite struct BoardSnapshotTests {
  static let cases: [(name: String, path: String?, view: BoardView)] = [
    ("overview-city", nil, .overview),
    ("overview-street", "河北街道", .overview),
    ("overview-community", "河北街道/水映花城社区", .overview),
    ("overview-compound", BoardFixture.compound, .overview),
    ("station", BoardFixture.compound, .station),
    ("leaders", "河北街道/水映花城社区", .leaders),
    ("help", "河北街道", .help),
    ("unit", BoardFixture.unit, .unit),
    ("tasks", "河北街道", .tasks),
  ]

  @Test(arguments: [Language.zh, .en], [(80, 24), (160, 48)])
  func everyViewMatchesItsSnapshot(language: Language, size: (Int, Int)) throws {
    for item in Self.cases {
      let board = try BoardFixture.board(path: item.path, view: item.view, language: language)
      #expect(board.view == item.view)
      assertSnapshot(
        BoardFixture.render(board, width: size.0, height: size.1),
        named: "\(item.name)-\(language.rawValue)-\(size.0)x\(size.1)")
    }
  }

  @Test func helpOverlayListsTheLiveKeyMap() throws {
    let board = try BoardFixture.board(language: .en)
    _ = board.handle(.char("?"), tick: 0)
    // The bindings fit on 35 rows (34 shows all but the last, which scrolls); the `:` commands after
    // them (one per feature: :order, :spotcheck, :decision …) need a taller screen or a scroll.
    let screen = BoardFixture.render(board, width: 100, height: 35).text
    for binding in KeyMap.active(in: .overview) {
      #expect(screen.contains(binding.label), "help is missing \(binding.label)")
    }
    let taller = BoardFixture.render(board, width: 100, height: 60).text
    #expect(taller.contains(":goto") && taller.contains("Ctrl-Z"), "\(taller)")
    assertSnapshot(BoardFixture.render(board, width: 100, height: 34), named: "help-overlay-en-100x34")
  }

  @Test func tooSmallSaysWhatIsNeededAndRecovers() throws {
    let board = try BoardFixture.board()
    let small = BoardFixture.render(board, width: 30, height: 8).text
    #expect(small.contains("60×14") && small.contains("30×8"))
    #expect(BoardFixture.render(board, width: 80, height: 24).text.contains("蛟河市"))
  }
}
