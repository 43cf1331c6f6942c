import Foundation
import Testing

@testable import WanggeLedger

/// The several-sheet workbook (the weekly bulletin's tables): sheets in order, named by Excel's rules
/// with repeated names made distinct, each sheet's cells its own table's.
struct XLSXSheetsWriterTests {
  @Test func eachTableIsItsOwnSheetInOrder() throws {
    let url = try LedgerSupport.scratch().appendingPathComponent("sheets.xlsx")
    let a = LedgerTable(header: ["名次", "名称"], rows: [["1", "甲站"], ["2", "乙站"]], numberColumns: [0])
    let b = LedgerTable(header: ["名次", "部门"], rows: [["1", "教育局"]], numberColumns: [0])
    try XLSXLedgerWriter.write(sheets: [("周通报 指挥站", a), ("周通报/部门", b), ("周通报 指挥站", b)], to: url)
    let package = try XLSXPackage(url: url, file: url.path)
    let sheets = try package.sheets().sheets
    #expect(sheets.map(\.name) == ["周通报 指挥站", "周通报部门", "周通报 指挥站 (2)"])
    let first = String(decoding: try #require(try package.part(sheets[0].path)), as: UTF8.self)
    let second = String(decoding: try #require(try package.part(sheets[1].path)), as: UTF8.self)
    #expect(first.contains("乙站") && !first.contains("教育局"))
    #expect(second.contains("教育局") && !second.contains("甲站"))
    #expect(first.contains("<c r=\"A2\"><v>1</v></c>"), "whole numbers are numbers")
  }
}
