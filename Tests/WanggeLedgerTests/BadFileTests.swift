import Foundation
import Testing
import WanggeCore

@testable import WanggeLedger

/// A file with a bad phone on row 7 and an unknown flag on row 12: both rows are named, its errors file
/// keeps the format and encoding, and once the two cells are fixed it reads clean.
struct BadFileTests {
  typealias S = LedgerSupport

  let expected = [
    "F:7:电话: \"1380000123\" has 10 digits, not a phone number (write an 11-digit mobile such as 13812345678 or a landline such as 0432-64201234)",
    "F:12:无智能机: unknown flag \"可能\" (write 是 or 否 (also √/×, 1/0, Y/N))",
  ]

  func described(_ result: LedgerReadResult, as name: String) -> [String] {
    result.problems.map { p in
      var q = p
      q.file = "F"
      return q.description
    }
  }

  @Test func aGB18030CSVNamesBothRowsAndItsFixedErrorsFileReadsClean() throws {
    let (result, rows) = try S.read(S.fixture("households-bad-gb18030.csv"))
    #expect(described(result, as: "F") == expected)
    #expect(rows.count == 12 && result.rejected.map(\.raw.number) == [7, 12])
    let dir = try S.scratch()
    let errors = dir.appendingPathComponent("errors.csv")
    try LedgerErrorsWriter.write(result, to: errors)
    // Still GB18030, read by Python's csv as such, with a 问题 column naming the original rows.
    let py = try S.pythonRows(errors)
    #expect(py.encoding == "gb18030")
    #expect(py.rows.first?.last == "问题")
    #expect(py.rows.count == 3)
    #expect(py.rows[1].last?.hasPrefix("第7行: 电话: ") == true)
    #expect(py.rows[2].last?.hasPrefix("第12行: 无智能机: ") == true)
    // Re-read as it is: the same two problems, on the errors file's rows 2 and 3.
    let (again, _) = try S.read(errors)
    #expect(again.problems.map(\.row) == [2, 3])
    // The operator fixes the two cells (the file stays GB18030) and it reads clean.
    let gb = String.Encoding(rawValue: 0x8000_0632)
    var text = try #require(String(data: Data(contentsOf: errors), encoding: gb))
    text = text.replacingOccurrences(of: ",1380000123,", with: ",13800001230,")
      .replacingOccurrences(of: ",可能,", with: ",是,")
    try #require(text.data(using: gb)).write(to: errors)
    let (fixed, fixedRows) = try S.read(errors)
    #expect(fixed.problems.map(\.description) == [])
    #expect(fixed.format == .csv(.gb18030))
    #expect(fixedRows.count == 2)
    if case .household(let h) = fixedRows[1].row { #expect(h.flags.contains(.noSmartphone)) }
  }

  @Test func anXLSXNamesBothRowsAndItsFixedErrorsFileReadsClean() throws {
    let (result, rows) = try S.read(S.fixture("households-bad.xlsx"))
    #expect(described(result, as: "F") == expected)
    #expect(rows.count == 12)
    let dir = try S.scratch()
    let errors = dir.appendingPathComponent("errors.xlsx")
    try LedgerErrorsWriter.write(result, to: errors)
    let py = try S.pythonRows(errors)
    #expect(py.sheet == "住户")
    #expect(py.rows.count == 3 && py.rows[0].last == "问题")
    #expect(py.rows[1][8] == "1380000123")
    // The operator fixes the cells in a spreadsheet program (openpyxl here): I2 is 电话, L3 无智能机.
    _ = try S.python(["set", errors.path, "I2=13800001230", "L3=是"])
    let (fixed, fixedRows) = try S.read(errors)
    #expect(fixed.problems.map(\.description) == [])
    #expect(fixed.format == .xlsx(sheet: "住户"))
    #expect(fixedRows.count == 2)
  }

  @Test func everyProblemOfARowIsListedNotJustTheFirst() throws {
    let dir = try S.scratch()
    let url = dir.appendingPathComponent("many.csv")
    try Data(
      "街道,社区,居民委,小区,楼栋,单元,房号,户主,电话,人数,独居老人\n河北街道,,第一居民委,小区,1号楼,1单元,,张三,123,99,也许\n"
        .utf8
    ).write(to: url)
    let (result, _) = try S.read(url)
    #expect(result.problems.map(\.column) == ["社区", "房号", "电话", "人数", "独居老人"])
    #expect(result.problems.allSatisfy { $0.row == 2 })
  }
}

/// A line break inside a name or a room (Alt+Enter in Excel) is refused with its fix; in a note it stays.
@Test func lineBreaksStayOnlyInNotes() {
  #expect(throws: CellProblem.self) { try CellValues.room("201\n(复式)").get() }
  #expect((try? CellValues.note("子女在外地\n每周来一次").get()) == "子女在外地\n每周来一次")
}
