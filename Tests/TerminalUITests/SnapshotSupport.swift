import Foundation
import SnapshotSupport
import Testing

@testable import TerminalUI

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
