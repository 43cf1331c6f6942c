import Foundation
import Synchronization
import TerminalUI

// Every text the executable sends to a terminal passes TerminalUI's one sanitiser (`Sanitiser`):
// control characters, ESC sequences and bidirectional overrides in names, titles and echoed input
// come out visibly escaped (`\e`, `\x07`, `<U+202E>`), never raw.
//
// `print` below shadows the standard library's within this module, so every `print(…)` in a command
// goes through it without naming it; standard error goes through `writeStandardError`. Line feeds
// and tabs of the output's own layout are kept (`Sanitiser.block`); a value interpolated into a
// line or a tab-separated column should be wrapped in `field(_:)` so its own line feeds and tabs
// are escaped too. JSON is made safe with `terminalSafeJSON` where it is encoded (`CommandJSON`).

/// Writes `items` to standard output, sanitised (shadows `Swift.print` in this module).
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
  let text = Sanitiser.block(items.map { "\($0)" }.joined(separator: separator))
  if let capture = OutputCapture.current {
    capture.text.withLock { $0.out += text + terminator }
  } else {
    Swift.print(text, terminator: terminator)
  }
}

/// Writes `text` to standard error, sanitised (no newline is added).
func writeStandardError(_ text: String) {
  let text = Sanitiser.block(text)
  if let capture = OutputCapture.current {
    capture.text.withLock { $0.err += text }
  } else {
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// What a command printed, collected instead of written while a test runs it in process
/// (`OutputCapture.$current.withValue(capture) { … }`; task-local, so parallel tests do not mix).
final class OutputCapture: Sendable {
  @TaskLocal static var current: OutputCapture?
  let text = Mutex<(out: String, err: String)>((out: "", err: ""))
  var standardOutput: String { text.withLock { $0.out } }
  var standardError: String { text.withLock { $0.err } }
}

/// JSON text with DEL, C1 controls and bidirectional marks written as `\u202e` escapes: still
/// valid JSON with the same meaning, and safe on a terminal.
func terminalSafeJSON(_ json: String) -> String { Sanitiser.json(json) }

/// One value inside a line of output (a name, a title): line feeds and tabs escaped as well.
func field(_ text: String) -> String { Sanitiser.line(text) }
