import Foundation

/// Reads a file or standard input line by line in constant memory, counting line numbers from 1.
final class LineReader {
  private let handle: FileHandle
  private var buffer = Data()
  private var atEnd = false
  private(set) var lineNumber = 0

  init(handle: FileHandle) { self.handle = handle }

  /// The next line without its newline, or nil at the end of input.
  func next() -> String? {
    while true {
      if let nl = buffer.firstIndex(of: 0x0A) {
        let lineData = buffer[buffer.startIndex..<nl]
        buffer.removeSubrange(buffer.startIndex...nl)
        lineNumber += 1
        var line = String(decoding: lineData, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
      }
      if atEnd {
        guard !buffer.isEmpty else { return nil }
        let line = String(decoding: buffer, as: UTF8.self)
        buffer.removeAll()
        lineNumber += 1
        return line
      }
      let chunk = handle.readData(ofLength: 1 << 20)
      if chunk.isEmpty { atEnd = true } else { buffer.append(chunk) }
    }
  }
}
