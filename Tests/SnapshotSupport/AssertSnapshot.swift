import Foundation
import TerminalUI
import Testing

/// Compares a rendered buffer with `__Snapshots__/NAME.txt` beside the calling test file (each
/// line ended by `|`).
///
/// A missing file is written (and fails under CI); `WANGGE_RECORD=1` rewrites files; any
/// difference fails and shows both screens.
public func assertSnapshot(
  _ buffer: Buffer, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
    "__Snapshots__")
  let file = directory.appendingPathComponent("\(name).txt")
  let actual =
    "# \(buffer.width)x\(buffer.height)\n" + buffer.lines().map { $0 + "|" }.joined(separator: "\n") + "\n"
  let environment = ProcessInfo.processInfo.environment
  let record = environment["WANGGE_RECORD"] == "1"
  guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try? actual.write(to: file, atomically: true, encoding: .utf8)
    if !record && environment["CI"] != nil {
      Issue.record("snapshot \(name) was missing; recorded it", sourceLocation: sourceLocation)
    }
    return
  }
  if expected != actual {
    Issue.record(
      "snapshot \(name) differs (WANGGE_RECORD=1 to accept)\n--- expected\n\(expected)--- actual\n\(actual)",
      sourceLocation: sourceLocation)
  }
}
