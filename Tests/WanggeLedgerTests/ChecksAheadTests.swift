import Foundation
import Testing
import WanggeCore

@testable import WanggeLedger

/// Rows checked ahead on the CSV parsing thread give exactly what checking them on the caller's thread
/// gives: the same records in the same order, the same problems and rejected rows.
struct ChecksAheadTests {
  typealias S = LedgerSupport

  func read(_ url: URL, ahead: Bool) throws -> (records: [LedgerRecord], result: LedgerReadResult) {
    var options = S.options
    options.checkRowsAhead = ahead
    var records: [LedgerRecord] = []
    let result = try LedgerReader.read(url, options: options) { records.append($0) }
    return (records, result)
  }

  @Test func aLargeFileWithBadRowsReadsTheSameEitherWay() throws {
    let url = try S.scratch().appendingPathComponent("ahead.csv")
    let w = try CSVLedgerWriter(url: url, encoding: .utf8BOM)
    try w.write(row: ["某某小区住户台账"])  // a title row above the header
    try w.write(row: LedgerTemplates.headers(.households, levels: .jiaohe))
    for i in 0..<30_000 {
      let phone = i % 4_999 == 7 ? "1380000" : "1380\(String(format: "%07d", i))"  // a few bad phones
      try w.write(row: [
        "河北街道", "水映花城社区", "第一居民委", "水映花城小区", "\(i / 60 + 1)号楼", "\(i / 10 % 6 + 1)单元", "\(101 + i % 10)",
        "张\(i % 97)", phone, "\(i % 5)", i % 7 == 0 ? "是" : "否", i % 3_001 == 5 ? "可能" : "否", "否", "否", "否",
        "",
      ])
    }
    try w.close()
    #expect(
      try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int > 2 * ChunkParser.chunkBytes)
    let (a, ra) = try read(url, ahead: true)
    let (b, rb) = try read(url, ahead: false)
    #expect(a.count > 29_000)
    #expect(a == b)
    #expect(ra.problems == rb.problems && !ra.problems.isEmpty)
    #expect(ra.rejected == rb.rejected)
    #expect(ra.rowsRead == rb.rowsRead && ra.rowsAccepted == rb.rowsAccepted)
  }
}
