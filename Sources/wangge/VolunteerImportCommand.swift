import ArgumentParser
import Foundation
import WanggeCore
import WanggeLedger
import WanggeStore

/// `wangge volunteer import FILE…`: `wangge import` of volunteers ledgers (姓名, 电话, 党员, 报到社区,
/// 报到单位, 队伍, 岗位, 报到时间, 上岗时间), the same code path: all or nothing, `--check`, `--errors`;
/// a volunteer with the same name and phone is updated.
struct VolunteerImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import volunteers ledgers (.csv or .xlsx, Chinese headers): `wangge import` of that kind.")
  @OptionGroup var store: StoreOptions
  @Argument(help: "The ledger files.") var files: [String]
  @Flag(help: "Print what would be added, changed and left; write nothing.") var check = false
  @Option(help: "Write the rejected rows with a 问题 column to this file (same format and encoding).")
  var errors: String?
  @Option(help: "CSV encoding: utf-8, utf-8-bom, gb18030 (default: detected).") var encoding: String?
  @Option(help: "The .xlsx sheet to read (default: the first).") var sheet: String?
  @OptionGroup var clock: ClockOption

  func run() throws {
    var command = try ImportCommand.parse(
      files + (check ? ["--check"] : []) + (errors.map { ["--errors", $0] } ?? [])
        + (encoding.map { ["--encoding", $0] } ?? []) + (sheet.map { ["--sheet", $0] } ?? []))
    command.store = store
    command.clock = clock
    try command.run(expecting: .volunteers)
  }
}
