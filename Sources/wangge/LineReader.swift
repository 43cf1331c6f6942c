import Foundation

/// Reads a file or standard input line by line in constant memory, counting line numbers from 1.
final class LineReader {
  private let handle: FileHandle
  private var buffer: [UInt8] = []
  /// Where the unread part of `buffer` starts (consumed bytes are dropped in bulk, not per line).
  private var start = 0
  private var atEnd = false
  private(set) var lineNumber = 0

  init(handle: FileHandle) { self.handle = handle }

  /// The next line without its newline, or nil at the end of input.
  func next() -> String? {
    while true {
      if let nl = buffer[start...].firstIndex(of: 0x0A) {
        let lineData = buffer[start..<nl]
        start = nl + 1
        lineNumber += 1
        var line = String(decoding: lineData, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        let line = String(decoding: buffer[start...], as: UTF8.self)
        buffer.removeAll()
        start = 0
        lineNumber += 1
        return line
      }
      buffer.removeSubrange(0..<start)
      start = 0
      let chunk = handle.readData(ofLength: 1 << 20)
      if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
    }
  }
}
