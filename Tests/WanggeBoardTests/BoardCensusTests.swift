import Foundation
import SnapshotSupport
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeSQLite
import WanggeStore

/// The census on the board: a compound's unit rows show 核实 verified/households for a census task,
/// a unit's households show when and by whom each was last verified, and an overview shows each
/// child's share of households verified in the last 7 days (核实7天) once its scope has one.
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

  /// `62.5%` as the board writes a share (one decimal), computed here from the counts.
  static func percent(_ verified: Int, of households: Int) -> String {
    String(format: "%.1f%%", Double(verified) * 100 / Double(households))
  }

  @Test func theOverviewShowsEachChildsShareVerifiedInTheLastSevenDays() throws {
    let (s, now) = try Self.store()  // 3 households of 1号楼/1单元 verified at 21:00
    let compound = try s.resolve(PlacePath(parsing: BoardFixture.compound))
    let building = try s.resolve(PlacePath(parsing: BoardFixture.compound + "/1号楼"))
    func households(under place: Place) throws -> Int {
      let below = try s.children(of: place.id)
      if below.isEmpty { return try s.households(ofUnit: place.id).count }
      return try below.reduce(0) { $0 + (try households(under: $1)) }
    }
    let inBuilding = try households(under: building)
    let inCompound = try households(under: compound)
    let board = try BoardFixture.board(
      s, path: BoardFixture.compound, view: .overview, clock: FixedClock(now))
    let table = board.screen.primary
    let col = try #require(table.columns.firstIndex { $0.title == "核实7天" })
    let row = try #require(table.rows.first { $0.drillTo == building.id })
    #expect(row.cells[col].text == Self.percent(3, of: inBuilding))
    #expect(row.sortKeys[col] == .number(3 / Double(inBuilding)), "sorted by the rate")
    #expect(table.totals?.cells[col].text == Self.percent(3, of: inCompound), "the scope's share")
    #expect(table.rows.filter { $0.drillTo != building.id }.allSatisfy { $0.cells[col].text == "0.0%" })
    let screen = BoardFixture.render(board, width: 160, height: 48)
    #expect(screen.text.contains("核实7天"))
    assertSnapshot(screen, named: "census-overview-zh-160x48")

    // The building's overview: the finished unit's own share (3 of its households).
    let inUnit = try s.households(ofUnit: try s.resolve(PlacePath(parsing: Self.unit)).id).count
    let units = try BoardFixture.board(
      s, path: BoardFixture.compound + "/1号楼", view: .overview, clock: FixedClock(now))
    let unitCol = try #require(units.screen.primary.columns.firstIndex { $0.title == "核实7天" })
    #expect(
      units.screen.primary.rows.contains {
        $0.cells[0].text == "1单元" && $0.cells[unitCol].text == Self.percent(3, of: inUnit)
      })

    let en = try BoardFixture.board(
      s, path: BoardFixture.compound, view: .overview, language: .en, clock: FixedClock(now))
    #expect(en.screen.primary.columns.contains { $0.title == "Verified 7d" })
    // A week later the verification is out of the window: no column (the screen as without a census).
    let later = try BoardFixture.board(
      s, path: BoardFixture.compound, view: .overview, clock: FixedClock(now + .days(7)))
    #expect(!later.screen.primary.columns.contains { $0.title.hasPrefix("核实") })
    // `census_days = 1` in board.conf: the column counts one day.
    var thresholds = BoardThresholds()
    thresholds.censusDays = 1
    let oneDay = try Board(
      store: s, clock: FixedClock(now), language: .zh, themeName: "default", operatorName: "值班员",
      storeLabel: "jiaohe.sqlite", isDemo: true, start: compound, view: .overview, thresholds: thresholds)
    #expect(oneDay.screen.primary.columns.contains { $0.title == "核实1天" })
  }

  @Test func theSharesColumnIsTheFirstANarrowScreenDrops() throws {
    let (s, now) = try Self.store()
    let board = try BoardFixture.board(
      s, path: BoardFixture.compound, view: .overview, clock: FixedClock(now))
    let others = ["指挥部", "单元长", "按时响应", "完成率", "响应超时", "完成超时", "对接率", "走访超期", "绿色通道"]
    var dropped: [Int] = []
    for width in stride(from: 80, through: 160, by: 4) {
      let screen = BoardFixture.render(board, width: width, height: 48)
      let header = try #require(screen.lines().first { $0.hasPrefix("│名称") }, "\(width)")
      if header.contains("核实7天") {
        #expect(others.allSatisfy { header.contains($0) }, "\(width): another column went first: \(header)")
      } else {
        dropped.append(width)
      }
    }
    #expect(!dropped.isEmpty && dropped.max()! < 160, "\(dropped)")
  }
}
