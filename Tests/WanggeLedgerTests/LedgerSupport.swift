import Foundation
import WanggeCore

@testable import WanggeLedger

/// Paths and helpers shared by the ledger tests: the committed fixtures, a scratch folder, and the
/// Python check (openpyxl, csv) that reads what our writers write.
enum LedgerSupport {
  static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let fixtures = repo.appendingPathComponent("Tests/WanggeLedgerTests/Fixtures")
  static let options = LedgerReadOptions(levels: .jiaohe)

  static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

  /// A fresh empty folder under the temporary directory.
  static func scratch() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "wangge-ledger-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  /// Reads `url` and returns the result with every good row.
  static func read(_ url: URL, options: LedgerReadOptions = options) throws -> (
    LedgerReadResult, [LedgerRecord]
  ) {
    var rows: [LedgerRecord] = []
    let result = try LedgerReader.read(url, file: url.lastPathComponent, options: options) { rows.append($0) }
    return (result, rows)
  }

  /// Runs `scripts/ledger-check.py ARGS` and returns its standard output; throws when it fails (no
  /// python3, no openpyxl: run scripts/setup).
  static func python(_ args: [String]) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", repo.appendingPathComponent("scripts/ledger-check.py").path] + args
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let data = try out.fileHandleForReading.readToEnd() ?? Data()
    let errData = try err.fileHandleForReading.readToEnd() ?? Data()
    p.waitUntilExit()
    guard p.terminationStatus == 0 else {
      throw CheckFailed(
        text: "ledger-check.py \(args.joined(separator: " ")): " + String(decoding: errData, as: UTF8.self)
          + " (run scripts/setup to install openpyxl)")
    }
    return String(decoding: data, as: UTF8.self)
  }

  /// The rows Python reads from `url`.
  static func pythonRows(_ url: URL) throws -> (rows: [[String]], encoding: String?, sheet: String?) {
    let json = try python(["dump", url.path])
    let obj = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    return (obj["rows"] as! [[String]], obj["encoding"] as? String, obj["sheet"] as? String)
  }

  struct CheckFailed: Error, CustomStringConvertible {
    var text: String
    var description: String { text }
  }
}
