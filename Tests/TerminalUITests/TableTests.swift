import Testing

@testable import TerminalUI

struct TableTests {
  let columns = [
    TableColumn("名称 Name", width: .fill(1)),
    TableColumn("单元", width: .length(7), alignment: .right),
    TableColumn("响应率", width: .length(7), alignment: .right),
    TableColumn("状态", width: .length(6), alignment: .center),
  ]
  let rows: [[TableCell]] = [
    ["协作路社区", "412", "99.3%", "✓"],
    ["Riverside Garden 河畔花园", "58", "100.0%", "✓"],
    ["水映花城小区", "4,868", "84.4%", "!"],
    ["12号楼3单元 Unit 3", "29", "75.9%", "✗"],
  ]

  @Test func mixedChineseAndLatinColumnsAlignExactly() {
    let buffer = render(width: 50, height: 6) { buffer in
      Table(columns: columns, rows: rows).render(in: buffer.area, buffer: &buffer)
    }
    let lines = buffer.lines()
    // Right-aligned numbers end at the same display column on every row; so does the rate column.
    let unitEnds = (1...4).map { row -> Int in
      let cell = rows[row - 1][1].text
      return displayColumn(of: " \(cell) ", in: lines[row])! + 1 + DisplayWidth.of(cell)
    }
    #expect(Set(unitEnds).count == 1, "units column ends: \(unitEnds)\n\(buffer.text)")
    let rateEnds = (1...4).map { displayColumn(of: "%", in: lines[$0])! }
    #expect(Set(rateEnds).count == 1, "rate column ends: \(rateEnds)")
    // Every line is exactly the table width.
    #expect(lines.allSatisfy { DisplayWidth.of($0) == 50 })
    #expect(lines[2].contains("Riverside Garden 河畔花园"))
    let narrow = render(width: 44, height: 6) { buffer in
      Table(columns: columns, rows: rows).render(in: buffer.area, buffer: &buffer)
    }
    #expect(narrow.lines()[2].hasPrefix("Riverside Garden 河… "))  // 21 columns: 河畔 would need 22
    #expect(Set((1...4).map { displayColumn(of: "%", in: narrow.lines()[$0])! }).count == 1)
  }

  @Test func rendersOnlyVisibleRowsFromTheProvider() {
    final class Counter: @unchecked Sendable { var asked: [Int] = [] }
    let counter = Counter()
    let table = Table(columns: columns, rowCount: 100_000, selected: 50_010, offset: 50_000) { index in
      counter.asked.append(index)
      return ["第\(index)网格", "\(index % 97)", "50.0%", "…"]
    }
    let buffer = render(width: 60, height: 21) { buffer in table.render(in: buffer.area, buffer: &buffer) }
    #expect(counter.asked == Array(50_000..<50_020))
    #expect(buffer.lines()[1].hasPrefix("第50000网格"))
  }

  @Test func selectedRowUsesTheSelectionRoleAcrossTheWidth() {
    let buffer = render(width: 40, height: 5) { buffer in
      Table(columns: columns, rows: rows, selected: 2).render(in: buffer.area, buffer: &buffer)
    }
    for x in 0..<40 {
      #expect(buffer[x, 3].bg == .role(.selection))
      #expect(buffer[x, 2].bg == .role(.background))
    }
    #expect(buffer[0, 0].bg == .role(.header))
  }

  @Test func sortIndicatorFollowsTheTitle() {
    let buffer = render(width: 50, height: 2) { buffer in
      Table(columns: columns, rows: rows, sort: TableSort(column: 1, ascending: false))
        .render(in: buffer.area, buffer: &buffer)
    }
    #expect(buffer.lines()[0].contains("单元▼"))
    let ascending = render(width: 50, height: 2) { buffer in
      Table(columns: columns, rows: rows, sort: TableSort(column: 0, ascending: true))
        .render(in: buffer.area, buffer: &buffer)
    }
    #expect(ascending.lines()[0].hasPrefix("名称 Name▲"))
  }

  @Test func offsetKeepsSelectionVisible() {
    #expect(Table.offset(keeping: 25, visible: 10, current: 0, rowCount: 100) == 16)
    #expect(Table.offset(keeping: 3, visible: 10, current: 16, rowCount: 100) == 3)
    #expect(Table.offset(keeping: 99, visible: 10, current: 0, rowCount: 100) == 90)
    #expect(Table.offset(keeping: 5, visible: 10, current: 2, rowCount: 100) == 2)
  }
}
