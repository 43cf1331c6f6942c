import Foundation
import SnapshotSupport
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeSQLite
import WanggeStore

/// The `隔离` view, the station's checks and arrivals of the day, and `f` on an assignment of the task
/// detail, on a store given isolation cases through the contract.
@Suite struct IsolationBoardTests {
  func type(_ board: Board, _ text: String) { for c in text { _ = board.handle(.char(c), tick: 0) } }

  /// Opens the compound's newest (screening) task and puts the cursor on its first assignment.
  func openAssignment(_ store: SQLiteStore) throws -> (Board, unit: Int64) {
    let board = try BoardFixture.board(store, path: BoardFixture.compound, view: .tasks)
    _ = board.handle(.enter, tick: 0)
    #expect(board.view == .taskDetail)
    let index = try #require(board.rows.firstIndex { $0.key.hasPrefix("a") })
    for _ in 0..<index { _ = board.handle(.down, tick: 0) }
    let unit = try #require(board.selectedRow.flatMap { Int64($0.key.dropFirst()) })
    return (board, unit)
  }

  static func event(_ line: String) -> GridEvent {
    guard case .success(let e) = EventLineParser.parse(Substring(line)) else { fatalError(line) }
    return e
  }

  /// A store whose compound holds two cases (张伟 opened 20 h ago, his first check overdue by 8 h;
  /// 李娜 from the result form now, due tomorrow morning) and one person expected today.
  static let store: SQLiteStore = {
    let s = try! BoardFixture.writableStore()
    let t = IsolationBoardTests()
    let (board, unit) = try! t.openAssignment(s)
    let households = try! s.households(ofUnit: unit).map(\.household)
    _ = board.handle(.char("f"), tick: 0)
    t.type(board, "9")
    _ = board.handle(.tab, tick: 0)
    t.type(board, "\(households[1].room) 李娜 吉林珲春")
    _ = board.handle(.tab, tick: 0)
    t.type(board, "\(households[1].room) 李娜 中")
    _ = board.handle(.enter, tick: 0)
    let open = event(
      #"{"id":"iso-board-open","type":"isolation_open","at":"2026-11-22T00:00:00+08:00","household":\#(households[0].id),"name":"张伟","risk":"high"}"#
    )
    let arrival = event(
      #"{"id":"iso-board-arrival","type":"arrival_expect","at":"2026-11-22T09:00:00+08:00","household":\#(households[2].id),"name":"王强","from":"山东临沂","day":"2026-11-22","risk":"high"}"#
    )
    _ = try! s.ingest([open, arrival], recordedAt: BoardFixture.anchor, source: "测试")
    return s
  }()

  @Test func theResultFormRecordsTheFinishAndItsCases() throws {
    let s = try BoardFixture.writableStore()
    let (board, unit) = try openAssignment(s)
    let task = try #require(board.openTask)
    let root = try s.root()
    let before = try s.screeningTotals(task: task, place: root.id)
    let rooms = try s.households(ofUnit: unit).map(\.household.room)
    _ = board.handle(.char("f"), tick: 0)
    #expect(BoardFixture.render(board, width: 120, height: 36).text.contains("排查结果"))
    type(board, "12")
    _ = board.handle(.tab, tick: 0)
    type(board, "9999 张伟 山东临沂")
    _ = board.handle(.enter, tick: 0)
    // A room outside the unit is refused in the form, and nothing is written.
    #expect(BoardFixture.render(board, width: 120, height: 36).text.contains("没有房号 9999"))
    #expect(try s.screeningTotals(task: task, place: root.id) == before)
    for _ in 0..<"9999 张伟 山东临沂".count { _ = board.handle(.backspace, tick: 0) }
    type(board, "\(rooms[0]) 张伟 山东临沂")
    _ = board.handle(.tab, tick: 0)
    type(board, "\(rooms[0]) 张伟")
    _ = board.handle(.tab, tick: 0)
    type(board, "3户联系不上")
    _ = board.handle(.enter, tick: 0)
    let after = try s.screeningTotals(task: task, place: root.id)
    #expect(after.checked == before.checked + 12)
    #expect(after.returnees == before.returnees + 1)
    #expect(after.isolate == before.isolate + 1)
    #expect(after.problems == before.problems + 1)
    let c = try #require(try s.isolationCases(under: unit, limit: 10).first { $0.name == "张伟" })
    #expect(c.status == .active)
    #expect(BoardFixture.render(board, width: 160, height: 48).text.contains("需隔离"))
    #expect(try s.verify().isEmpty)
  }

  @Test(arguments: [Language.zh, .en], [(80, 24), (160, 48)])
  func theIsolationViewMatchesItsSnapshot(language: Language, size: (Int, Int)) throws {
    let board = try BoardFixture.board(
      Self.store, path: BoardFixture.compound, view: .isolation, language: language)
    #expect(board.view == .isolation)
    // most overdue first: 张伟's first check was due 8 h ago
    #expect(board.rows.first?.cells[1].text == "张*")
    #expect(board.rows.first?.cells[0].text.contains(language == .zh ? "超" : "late") == true)
    assertSnapshot(
      BoardFixture.render(board, width: size.0, height: size.1),
      named: "isolation-\(language.rawValue)-\(size.0)x\(size.1)")
  }

  @Test func theStationListsTodaysChecksAndArrivals() throws {
    let board = try BoardFixture.board(Self.store, path: BoardFixture.compound, view: .station)
    let titles = board.screen.secondary.map(\.title)
    #expect(titles.contains("今日待查 · 1"))
    #expect(titles.contains { $0.hasPrefix("今日预计到达 · 1") })
    let due = try #require(board.screen.secondary.first { $0.title.hasPrefix("今日待查") })
    #expect(due.rows.count == 1, "only 张伟's check falls today; 李娜's is due tomorrow")
    assertSnapshot(BoardFixture.render(board, width: 160, height: 48), named: "station-isolation-zh-160x48")
  }
}
