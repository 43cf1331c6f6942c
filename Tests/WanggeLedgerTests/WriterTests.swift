import Foundation
import Testing
import WanggeCore

@testable import WanggeLedger

/// What our writers write is read back by our reader into the same rows, and by openpyxl and Python's
/// csv into the same cells.
struct WriterTests {
  typealias S = LedgerSupport

  func sampleRows() throws -> [LedgerRow] {
    try S.read(S.fixture("households-excel-bom.csv")).1.map(\.row)
  }

  @Test func exportCSVWithABOMRoundTrips() throws {
    let rows = try sampleRows()
    let table = LedgerTemplates.table(.households, rows: rows, levels: .jiaohe)
    let url = try S.scratch().appendingPathComponent("out.csv")
    try CSVLedgerWriter.write(table, to: url)
    let bytes = try Data(contentsOf: url)
    #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    let (result, back) = try S.read(url)
    #expect(result.problems.map(\.description) == [])
    #expect(back.map(\.row) == rows)
    let py = try S.pythonRows(url)
    #expect(py.encoding == "utf-8-bom")
    #expect(py.rows == [table.header] + table.rows)
  }

  @Test func exportXLSXRoundTripsThroughOpenpyxl() throws {
    let rows = try sampleRows()
    let table = LedgerTemplates.table(.households, rows: rows, levels: .jiaohe)
    let url = try S.scratch().appendingPathComponent("out.xlsx")
    try XLSXLedgerWriter.write(table, sheetName: "住户", to: url)
    let (result, back) = try S.read(url)
    #expect(result.problems.map(\.description) == [])
    #expect(back.map(\.row) == rows)
    let py = try S.pythonRows(url)
    #expect(py.sheet == "住户")
    #expect(py.rows == [table.header] + table.rows)
  }

  @Test func gb18030CSVRoundTrips() throws {
    let rows = try sampleRows()
    let table = LedgerTemplates.table(.households, rows: rows, levels: .jiaohe)
    let url = try S.scratch().appendingPathComponent("out.csv")
    try CSVLedgerWriter.write(table, to: url, encoding: .gb18030)
    let (result, back) = try S.read(url)
    #expect(result.format == .csv(.gb18030))
    #expect(back.map(\.row) == rows)
    #expect(try S.pythonRows(url).encoding == "gb18030")
  }

  @Test(arguments: LedgerKind.allCases.filter { !$0.isSide }) func templatesReadBackAsTheirKind(kind: LedgerKind) throws {
    let dir = try S.scratch()
    for english in [false, true] {
      let table = LedgerTemplates.template(kind, levels: .jiaohe, english: english)
      let csv = dir.appendingPathComponent("\(kind)-\(english).csv")
      let xlsx = dir.appendingPathComponent("\(kind)-\(english).xlsx")
      try CSVLedgerWriter.write(table, to: csv)
      try XLSXLedgerWriter.write(table, to: xlsx)
      for url in [csv, xlsx] {
        let (result, rows) = try S.read(url)
        #expect(result.header.kind == kind, "\(url.lastPathComponent)")
        #expect(result.problems.map(\.description) == [], "\(url.lastPathComponent)")
        #expect(rows.count == 1)
        #expect(try S.pythonRows(url).rows == [table.header] + table.rows)
      }
    }
  }

  @Test func cellsThatLookLikeFormulasAreWrittenAsText() {
    #expect(CSVLedgerWriter.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
    #expect(CSVLedgerWriter.field("a,b") == "\"a,b\"")
    #expect(CSVLedgerWriter.field("+8613800000000") == "+8613800000000")
    #expect(XLSXLedgerWriter.escape("a<b&\u{1}") == "a&lt;b&amp;")
    #expect(XLSXLedgerWriter.columnName(26) == "AA")
  }
}
