import Foundation
import Testing
import WanggeCore

@testable import WanggeLedger

/// The volunteers and duty templates are told by their headers (CSV and .xlsx) and their example row
/// passes their own checks.
@Suite struct SideTemplateTests {
  @Test(arguments: [LedgerKind.volunteers, .duty]) func sideTemplatesReadBackAsTheirKind(kind: LedgerKind)
    throws
  {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("side-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let table = LedgerTemplates.template(kind, levels: .jiaohe)
    let options = LedgerReadOptions(levels: .jiaohe)
    for url in [dir.appendingPathComponent("t.csv"), dir.appendingPathComponent("t.xlsx")] {
      if url.pathExtension == "csv" {
        try CSVLedgerWriter.write(table, to: url)
      } else {
        try XLSXLedgerWriter.write(table, to: url)
      }
      #expect(SideLedger.sniff(url, options: options) == kind)
      let sheet = try SideLedger.read(url, file: url.lastPathComponent, expected: kind, options: options)
      let problems =
        kind == .duty
        ? DutyLedger.validate(sheet, levels: .jiaohe).problems : VolunteerLedger.validate(sheet).problems
      #expect(problems.isEmpty, "\(problems)")
      #expect(sheet.rows.count == 1)
    }
  }
}
