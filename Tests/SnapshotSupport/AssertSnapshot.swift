import Foundation
import TerminalUI
import Testing

/// Compares a rendered buffer with `__Snapshots__/NAME.txt` beside the calling test file (each
/// line ended by `|`).
///
/// A missing file fails the test (it is written only when recording); `WANGGE_RECORD=1` (re)writes files;
/// any difference fails and shows both screens.
public func assertSnapshot(
  _ buffer: Buffer, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(
    "__Snapshots__")
  let file = directory.appendingPathComponent("\(name).txt")
  let actual =
    "# \(buffer.width)x\(buffer.height)\n" + buffer.lines().map { $0 + "|" }.joined(separator: "\n") + "\n"
  if ProcessInfo.processInfo.environment["WANGGE_RECORD"] == "1" {
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    do {
      try actual.write(to: file, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("snapshot \(name) could not be recorded: \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
    Issue.record(
      "snapshot \(name) is missing (\(file.path)); run with WANGGE_RECORD=1 to record it\n\(actual)",
      sourceLocation: sourceLocation)
    return
  }
  if expected != actual {
    Issue.record(
      "snapshot \(name) differs (WANGGE_RECORD=1 to accept)\n--- expected\n\(expected)--- actual\n\(actual)",
      sourceLocation: sourceLocation)
  }
}
