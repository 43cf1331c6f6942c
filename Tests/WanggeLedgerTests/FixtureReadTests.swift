import Foundation
import Testing
import WanggeCore

@testable import WanggeLedger

/// Real files as Excel, WPS and openpyxl write them (scripts/make-ledger-fixtures.py) read into the
/// same typed rows.
struct FixtureReadTests {
  typealias S = LedgerSupport

  func households(_ rows: [LedgerRecord]) -> [RegistryHousehold] {
    rows.compactMap { if case .household(let h) = $0.row { h } else { nil } }
  }

  @Test func anExcelCSVWithABOMReadsWithQuotedCommasAndLineBreaks() throws {
    let (result, rows) = try S.read(S.fixture("households-excel-bom.csv"))
    #expect(result.problems.map(\.description) == [])
    #expect(result.format == .csv(.utf8BOM))
    #expect(result.header.kind == .households)
    #expect(result.rowsRead == 20 && rows.count == 20)
    let h = households(rows)
    try #require(h.count == 20)
    #expect(h[0].path.description == "河北街道/水映花城社区/第一居民委/水映花城小区/1号楼/1单元")
    #expect(h[0].headName == "赵一一" && h[0].phone == "13800000000" && h[0].people == 1)
    #expect(h[0].flags == [.elderlyAlone])
    #expect(h[3].headName == "钱二,三")
    #expect(result.header.ignored == ["备注"])
    // The quoted line break is inside one spreadsheet row: the rows keep Excel's numbers.
    #expect(rows.map(\.rowNumber) == Array(2...21))
  }

  @Test func aWPSCSVInGB18030ReadsWithHeaderVariants() throws {
    let (result, rows) = try S.read(S.fixture("households-wps-gb18030.csv"))
    #expect(result.problems.map(\.description) == [])
    #expect(result.format == .csv(.gb18030))
    #expect(result.header.ignored == [])
    let h = households(rows)
    try #require(h.count == 20)
    #expect(h[2].phone == "0432-64201234")
    #expect(h[5].path.segments[1] == "水映花城社区\u{9FA5}")
    #expect(h[0].flags == [.elderlyAlone])
    #expect(h[1].flags == [])
    // The same households as the Excel file, apart from the cells the WPS fixture changed.
    let (_, excel) = try S.read(S.fixture("households-excel-bom.csv"))
    let e = households(excel)
    try #require(e.count == 20)
    #expect(h[0] == e[0])
    #expect(h[19] == e[19])
  }

  @Test func anExplicitEncodingWinsAndAWrongOneIsNamed() throws {
    var options = S.options
    options.encoding = .utf8
    do {
      _ = try S.read(S.fixture("households-wps-gb18030.csv"), options: options)
      Issue.record("GB18030 read as UTF-8 was accepted")
    } catch let e as LedgerFileError {
      #expect(
        e.problems.first?.description
          == "households-wps-gb18030.csv:1:-: holds bytes that are not utf-8 text (pass --encoding gb18030 or save the file as UTF-8)"
      )
    }
    options.encoding = .gb18030
    #expect(try S.read(S.fixture("households-wps-gb18030.csv"), options: options).0.isClean)
  }

  @Test func anOpenpyxlWorkbookReadsWithATitleRowNumbersAndEmptyCells() throws {
    let (result, rows) = try S.read(S.fixture("households-openpyxl.xlsx"))
    #expect(result.problems.map(\.description) == [])
    #expect(result.format == .xlsx(sheet: "住户台账"))
    #expect(result.header.rowNumber == 2)
    #expect(rows.map(\.rowNumber) == Array(3...32))
    let h = households(rows)
    let (_, csvRows) = try S.read(S.fixture("households-excel-bom.csv"))
    let c = households(csvRows)
    try #require(h.count == 30 && c.count == 20)
    // Phones and counts stored as numbers, flags as empty cells: the same rows as the CSV.
    #expect(Array(h[5..<20]) == Array(c[5..<20]))
    #expect(h[0] == c[0])
    #expect(h[29].phone == "13800000029")
  }

  @Test func sharedStringsAsExcelWritesThemReadTheSame() throws {
    let (result, rows) = try S.read(S.fixture("households-excel-sst.xlsx"))
    #expect(result.problems.map(\.description) == [])
    let (_, inline) = try S.read(S.fixture("households-openpyxl.xlsx"))
    try #require(rows.count == 30)
    // Rich text runs joined (钱 + 二四), the phonetic run (zhao) left out.
    #expect(rows == inline)
    var options = S.options
    options.sheet = "帮扶"
    let (help, cases) = try S.read(S.fixture("households-excel-sst.xlsx"), options: options)
    #expect(help.problems.map(\.description) == [] && cases.count == 3)
  }

  @Test func aNamedSheetWithDatesReadsAsHelpCases() throws {
    var options = S.options
    options.sheet = "帮扶"
    let (result, rows) = try S.read(S.fixture("households-openpyxl.xlsx"), options: options)
    #expect(result.problems.map(\.description) == [])
    #expect(result.header.kind == .help)
    let cases = rows.compactMap { if case .help(let h) = $0.row { h } else { nil } }
    #expect(cases.count == 3)
    #expect(cases[0].mode == .phone && cases[0].cadence == .days(2) && cases[0].helper == "孙七")
    #expect(cases[0].lastVisit.map(InstantFormat.iso) == "2022-04-10T09:30:00+08:00")
    #expect(cases[0].openedAt.map(InstantFormat.iso) == "2022-04-01T00:00:00+08:00")
    #expect(!cases[0].greenChannel && cases[1].greenChannel)
    #expect(cases[1].cadence == .hours(48) && cases[1].mode == .homeVisit)
    #expect(cases[2].cadence == .hours(12) && cases[2].mode == .pairedHelper && cases[2].needs == "送菜,代购")
    #expect(cases[2].lastVisit == nil)
  }

  @Test func anUnknownSheetNamesTheSheetsThereAre() throws {
    var options = S.options
    options.sheet = "Sheet9"
    #expect {
      _ = try S.read(S.fixture("households-openpyxl.xlsx"), options: options)
    } throws: { error in
      "\(error)" == "households-openpyxl.xlsx:0:-: has no sheet named \"Sheet9\" (name one of: 住户台账, 帮扶)"
    }
  }

  @Test func leadersWithEnglishHeadersRead() throws {
    let (result, rows) = try S.read(S.fixture("leaders-english.csv"))
    #expect(result.problems.map(\.description) == [])
    #expect(result.header.kind == .leaders && result.header.isEnglish)
    let leaders = rows.compactMap { if case .leader(let l) = $0.row { l } else { nil } }
    #expect(leaders.count == 3)
    #expect(leaders[2].phone == "13900000002" && leaders[2].department == "市税务局" && leaders[2].home == "")
    #expect(leaders[0].squad == "第一组" && leaders[0].squadLeader == "冯五")
  }

  @Test func placesMayStopAboveTheUnit() throws {
    let (result, rows) = try S.read(S.fixture("places.csv"))
    #expect(result.problems.map(\.description) == [])
    #expect(result.header.kind == .places && result.header.firstLevelDepth == 1)
    #expect(rows.map(\.row.path.segments.count) == [4, 5, 6, 6])
  }

  @Test func aHeaderThatNamesNoLedgerListsWhatIsNeeded() throws {
    let dir = try S.scratch()
    let url = dir.appendingPathComponent("odd.csv")
    try Data("甲,乙\n1,2\n".utf8).write(to: url)
    #expect(throws: LedgerFileError.self) { try S.read(url) }
    let missing = dir.appendingPathComponent("missing.csv")
    try Data("街道,社区,居民委,小区,单元,房号,户主\n".utf8).write(to: missing)
    do {
      _ = try S.read(missing)
      Issue.record("a header without 电话, 人数 and 楼栋 was accepted")
    } catch let e as LedgerFileError {
      #expect(
        e.problems.map(\.description) == [
          "missing.csv:1:-: no 电话 column (add a column headed 电话 (or phone))",
          "missing.csv:1:-: no 人数 column (add a column headed 人数 (or people))",
          "missing.csv:1:-: no 楼栋 column between the path columns (add a column headed 楼栋)",
        ])
    }
  }
}
