import Foundation
import Testing
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// Honest severity (red only when overdue, amber within the hour), the legend, and natural order.
@Suite struct BoardSeverityTests {
  @Test func namesSortNaturally() {
    #expect(
      ["10号楼", "2号楼", "1号楼", "1号楼10单元", "1号楼2单元"].sorted(by: NaturalOrder.less)
        == ["1号楼", "1号楼2单元", "1号楼10单元", "2号楼", "10号楼"])
    #expect(NaturalOrder.less("a", "b") && !NaturalOrder.less("b", "a") && !NaturalOrder.less("a", "a"))
    #expect(NaturalOrder.less("1", "01") && !NaturalOrder.less("01", "1"))
    #expect(SortKey.text("9号楼") < SortKey.text("10号楼"))
    #expect(["民主街道", "河北街道", "长安街道"].sorted(by: NaturalOrder.less) == ["长安街道", "河北街道", "民主街道"])
  }

  @Test func aRateIsRedOnlyWhenSomethingIsOverdue() {
    let c = CellText(Words(.zh))
    let soon = c.rate(0.547, overdue: 0, dueSoon: 12)
    #expect(soon.text == "! 54.7%" && soon.style.fg == .role(.warn), "due within the hour: amber, not red")
    let late = c.rate(0.9, overdue: 3, dueSoon: 0)
    #expect(late.text == "✗ 90.0%" && late.style.fg == .role(.bad))
    #expect(c.rate(0.794).text == "· 79.4%", "a low rate with nothing open is not an alarm")
    #expect(c.rate(0.96).text == "✓ 96.0%")
    #expect(c.timeLeft(3600).text == "! 剩 1小时" && c.timeLeft(3601).text == "剩 1小时")
    #expect(c.timeLeft(-60).text == "✗ 超 1分钟")
    #expect(c.timeLeft(97_200).text == "剩 1天3小时" && c.timeLeft(-7_200).text == "✗ 超 2小时")
    let en = CellText(Words(.en))
    #expect(en.timeLeft(3600).text == "! in 1h00m" && en.timeLeft(-60).text == "✗ late 1m")
  }

  @Test func theStationListsWhatNeedsActionFirstThenUnitsInNaturalOrder() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound)
    let states = board.rows.map { $0.cells[4].text }
    let open = states.prefix { $0.contains("待响应") || $0.contains("超时") }
    #expect(!open.isEmpty, "the fixture has pending units")
    #expect(states.dropFirst(open.count).allSatisfy { !$0.contains("待响应") && !$0.contains("超时") })
    #expect(open.contains { $0.hasPrefix("!") }, "pending units due at 21:00 are amber at 20:00")
    let rest = board.rows.dropFirst(open.count).map { $0.cells[0].text }
    #expect(rest == rest.sorted(by: NaturalOrder.less))
  }

  @Test func theOverviewListsChildrenInNaturalOrder() throws {
    let board = try BoardFixture.board(path: BoardFixture.compound, view: .overview)
    let names = board.rows.map { $0.cells[0].text }
    #expect(names.count > 10 && names == names.sorted(by: NaturalOrder.less))
    #expect(names.firstIndex(of: "2号楼")! < names.firstIndex(of: "10号楼")!)
  }

  @Test func helpShowsTheLegend() throws {
    let board = try BoardFixture.board()
    _ = board.handle(.char("?"), tick: 0)
    let text = BoardFixture.render(board, width: 120, height: 60).text
    for line in ["✗ ", "已超时", "一小时内到期", "‼ ", "绿色通道"] { #expect(text.contains(line), "no \(line)") }
  }
}
