import Foundation
import Testing

@testable import TerminalUI

/// Compares a rendered buffer with `__Snapshots__/NAME.txt` (each line ended by `|`).
///
/// A missing file is written (and fails under CI); `WANGGE_RECORD=1` rewrites files; any
/// difference fails and shows both screens.
func assertSnapshot(_ buffer: Buffer, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
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

/// Renders with a widget closure into a fresh buffer.
func render(width: Int, height: Int, _ draw: (inout Buffer) -> Void) -> Buffer {
  var buffer = Buffer(width: width, height: height)
  draw(&buffer)
  return buffer
}

/// The display column where `needle` starts in `line` (nil when absent).
func displayColumn(of needle: String, in line: String) -> Int? {
  guard let range = line.range(of: needle) else { return nil }
  return DisplayWidth.of(line[..<range.lowerBound])
}

/// Root of the repository (for `themes/`).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()
