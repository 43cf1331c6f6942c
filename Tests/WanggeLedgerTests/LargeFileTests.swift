import Foundation
import Testing
import WanggeCore

@testable import WanggeLedger

/// Files of several chunks: records cut at chunk boundaries, quoted line breaks across them, a GB18030
/// file, a caller that stops early, and a stray quote that would swallow the file.
struct LargeFileTests {
  typealias S = LedgerSupport
  static let rows = 40_000

  /// A households CSV of `rows` rows (about 4 MiB) whose every 997th row has a quoted note with a line
  /// break and a comma in an ignored 备注 column.
  static func write(_ url: URL, encoding: LedgerEncoding) throws {
    let w = try CSVLedgerWriter(url: url, encoding: encoding)
    try w.write(row: LedgerTemplates.headers(.households, levels: .jiaohe) + ["备注"])
    for i in 0..<rows {
      let cells = [
        "河北街道", "水映花城社区", "第一居民委", "水映花城小区", "\(i / 60 + 1)号楼", "\(i / 10 % 6 + 1)单元", "\(101 + i % 10)",
        "张\(i % 97)", "1380\(String(format: "%07d", i))", "\(i % 5)", i % 7 == 0 ? "是" : "否", "否", "否", "否",
        "否", "",
        i % 997 == 0 ? "第\(i)户,\n子女在外地" : "",
      ]
      try w.write(row: cells)
    }
    try w.close()
  }

  @Test(arguments: [LedgerEncoding.utf8BOM, .gb18030])
  func rowsAcrossChunksKeepTheirNumbers(encoding: LedgerEncoding) throws {
    let url = try S.scratch().appendingPathComponent("big.csv")
    try Self.write(url, encoding: encoding)
    #expect(
      try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int > 3 * ChunkParser.chunkBytes)
    var count = 0
    var numbersInOrder = true
    var last: RegistryHousehold?
    let result = try LedgerReader.read(url, options: S.options) { record in
      count += 1
      if record.rowNumber != count + 1 { numbersInOrder = false }
      if case .household(let h) = record.row { last = h }
    }
    #expect(result.problems.map(\.description) == [])
    #expect(result.format == .csv(encoding))
    #expect(count == Self.rows && numbersInOrder)
    #expect(last?.phone == "1380\(String(format: "%07d", Self.rows - 1))")
    #expect(last?.path.segments.last == "\((Self.rows - 1) / 10 % 6 + 1)单元")
  }

  @Test func aCallerThatStopsEarlyStopsTheParser() throws {
    let url = try S.scratch().appendingPathComponent("big.csv")
    try Self.write(url, encoding: .utf8BOM)
    struct Enough: Error {}
    var seen = 0
    #expect(throws: Enough.self) {
      _ = try LedgerReader.read(url, options: S.options) { _ in
        seen += 1
        if seen == 5 { throw Enough() }
      }
    }
    #expect(seen == 5)
  }

  @Test func aStrayQuoteIsNamedNotSwallowed() throws {
    let url = try S.scratch().appendingPathComponent("quote.csv")
    var text = LedgerTemplates.headers(.households, levels: .jiaohe).joined(separator: ",") + "\n"
    text += "河北街道,\"水映花城社区,第一居民委\n"
    text += String(repeating: "河北街道,水映花城社区,第一居民委,小区,1号楼,1单元,101,张三,13800000000,3\n", count: 20_000)
    try Data(text.utf8).write(to: url)
    do {
      _ = try LedgerReader.read(url, file: "quote.csv", options: S.options)
      Issue.record("an unclosed quote over 1 MiB was read")
    } catch let e as LedgerFileError {
      #expect(
        e.problems.map(\.description) == [
          "quote.csv:2:-: a row longer than 1 MiB (an unclosed quote \"?) (close the quote or remove the stray \")"
        ])
    }
  }
}
