import Foundation
import SnapshotSupport
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeSQLite
import WanggeStore

/// The census on the board: a compound's unit rows show 核实 verified/households for a census task,
/// and a unit's households show when and by whom each was last verified.
@Suite struct BoardCensusTests {
  static let unit = BoardFixture.compound + "/1号楼/1单元"

  /// A private Jiaohe store with a census task to the compound and one unit's finish (3 households).
  static func store() throws -> (SQLiteStore, Instant) {
    let s = try BoardFixture.writableStore()
    let at = BoardFixture.anchor
    let compound = try s.resolve(PlacePath(parsing: BoardFixture.compound))
    let receipt = try s.dispatch(
      DispatchRequest(scopeID: compound.id, type: .census, title: "敲门行动", operatorName: "指挥部", issuedAt: at))
    let unit = try s.resolve(PlacePath(parsing: Self.unit))
    let rooms = try s.households(ofUnit: unit.id).map(\.household.room).sorted()
    let lines = zip(rooms.prefix(3), ["常住", "暂住", "长期无人"]).map { room, r in
      "{\"room\":\"\(room)\",\"residency\":\"\(r)\",\"present\":\(r == "长期无人" ? 0 : 2)}"
    }
    let result = "{\"by\":\"向桂晓\",\"households\":[\(lines.joined(separator: ","))]}"
    let done = at + .hours(1)
    _ = try s.ingest(
      [
        GridEvent(
          id: "census-1", at: done, kind: .finished(task: receipt.taskID, unit: .id(unit.id), result: result))
      ],
      recordedAt: done, source: "站长")
    return (s, done + .minutes(30))
  }

  @Test func theStationShowsEachUnitsCensusProgress() throws {
    let (s, now) = try Self.store()
    let board = try BoardFixture.board(s, path: BoardFixture.compound, view: .station, clock: FixedClock(now))
    let screen = BoardFixture.render(board, width: 160, height: 48)
    #expect(screen.lines().contains { $0.contains("1号楼2单元") && $0.contains("核实 0/17") })
    assertSnapshot(screen, named: "census-station-zh-160x48")
    // The finished unit sorts last; the filter brings it up.
    _ = board.handle(.char("/"), tick: 0)
    for c in "1号楼1单元" { _ = board.handle(.char(c), tick: 0) }
    _ = board.handle(.enter, tick: 0)
    let total = try s.households(ofUnit: try s.resolve(PlacePath(parsing: Self.unit)).id).count
    let filtered = BoardFixture.render(board, width: 160, height: 48)
    let row = filtered.lines().first { $0.hasPrefix("│1号楼1单元") } ?? ""
    #expect(row.contains("核实 3/\(total)"), "\(filtered.text)")
  }

  @Test func theUnitShowsWhenAndByWhomEachHouseholdWasVerified() throws {
    let (s, now) = try Self.store()
    let board = try BoardFixture.board(s, path: Self.unit, view: .unit, clock: FixedClock(now))
    let screen = BoardFixture.render(board, width: 160, height: 48)
    #expect(screen.text.contains("核实"))
    #expect(screen.text.contains("11-22 21:00 向桂晓 · 暂住"))
    #expect(screen.lines().filter { $0.contains("向桂晓") }.count == 3)
    assertSnapshot(screen, named: "census-unit-zh-160x48")
    let en = try BoardFixture.board(s, path: Self.unit, view: .unit, language: .en, clock: FixedClock(now))
    #expect(BoardFixture.render(en, width: 160, height: 48).text.contains("向桂晓 · temporary"))
  }
}
