import ArgumentParser
import Foundation
import WanggeCore
import WanggeLedger
import WanggeStore

/// Output formats of ledger files.
enum LedgerFileFormat: String, ExpressibleByArgument, CaseIterable {
  case csv, xlsx
}

/// `wangge template KIND`: an empty ledger with its headers and one example row.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Write an empty ledger (households, leaders, help, places) with its headers and an example row."
  )

  @Argument(help: "households, leaders, help, places, volunteers or duty.") var kind: String
  @Option(help: "csv (UTF-8 with BOM, opens in Excel) or xlsx.") var format: LedgerFileFormat = .csv
  @Option(help: "The file to write (default: KIND.csv or KIND.xlsx).") var out: String?
  @Flag(help: "English headers.") var english = false
  @Option(
    name: .long,
    help: "A store whose level names the path columns take (default: Jiaohe's, 街道/社区/居民委/小区/楼栋/单元).")
  var db: String?

  func run() throws {
    guard let k = LedgerKind(rawValue: kind) else {
      fail("unknown ledger \"\(kind)\": write households, leaders, help, places, volunteers or duty")
    }
    var levels = LevelChain.jiaohe
    if let db {
      do {
        levels = try Engines.factory.open(db, mode: .read).levels()
      } catch let e as StoreError { fail(e.description) }
    }
    let table = LedgerTemplates.template(k, levels: levels, english: english)
    let path = out ?? "\(kind).\(format.rawValue)"
    try writeLedgerTable(table, format: format, to: path, sheet: kind)
    print("wrote \(path)")
  }
}

/// Writes `table` as CSV (UTF-8 with BOM) or .xlsx; exits with a message when it cannot.
func writeLedgerTable(_ table: LedgerTable, format: LedgerFileFormat, to path: String, sheet: String) throws {
  let url = URL(fileURLWithPath: path)
  do {
    switch format {
    case .csv: try CSVLedgerWriter.write(table, to: url)
    case .xlsx: try XLSXLedgerWriter.write(table, sheetName: sheet, to: url)
    }
  } catch {
    fail("\(path): cannot write (\(error))")
  }
}
