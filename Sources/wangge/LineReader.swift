import Foundation
import WanggeCore

/// Reads a file or standard input line by line in constant memory, counting line numbers from 1.
///
/// A line longer than `InputBounds.maxLineBytes` is skipped up to its newline (never held whole) and
/// a line that is not valid UTF-8 is never repaired: both come back with a problem instead of text.
final class LineReader {
  /// One line: its text, or why it has none.
  enum Line {
    case text(String)
    case bad(FieldProblem)
  }

  private let handle: FileHandle
  private let maxBytes: Int
  private var buffer: [UInt8] = []
  /// Where the unread part of `buffer` starts (consumed bytes are dropped in bulk, not per line).
  private var start = 0
  private var atEnd = false
  /// Bytes of an over-long line already dropped while looking for its end.
  private var skipping = 0
  private(set) var lineNumber = 0

  init(handle: FileHandle, maxBytes: Int = InputBounds.maxLineBytes) {
    self.handle = handle
    self.maxBytes = maxBytes
  }

  /// The next line without its newline, or nil at the end of input.
  func next() -> Line? {
    while true {
      if let nl = buffer[start...].firstIndex(of: 0x0A) {
        let lineBytes = buffer[start..<nl]
        start = nl + 1
        return finish(lineBytes)
      }
      if atEnd {
        guard start < buffer.count || skipping > 0 else { return nil }
        let line = finish(buffer[start...])
        buffer.removeAll()
        start = 0
        return line
      }
      if buffer.count - start > maxBytes {  // no newline in sight: drop what is held, keep counting
        skipping += buffer.count - start
        buffer.removeAll(keepingCapacity: true)
        start = 0
      }
      buffer.removeSubrange(0..<start)
      start = 0
      let chunk = handle.readData(ofLength: 1 << 20)
      if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
    }
  }

  private func finish(_ raw: ArraySlice<UInt8>) -> Line {
    lineNumber += 1
    var bytes = raw
    if bytes.last == 0x0D { bytes.removeLast() }
    let length = skipping + bytes.count
    skipping = 0
    if length > maxBytes {
      return .bad(
        FieldProblem(
          field: "line", problem: "longer than \(maxBytes) bytes (\(length)); write one event per line"))
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      return .bad(FieldProblem(field: Self.fieldAround(bytes), problem: Self.invalidUTF8(bytes)))
    }
    return .text(text)
  }

  /// Says where the first byte that is not UTF-8 is.
  static func invalidUTF8(_ bytes: ArraySlice<UInt8>) -> String {
    let at = firstInvalid(bytes).map { "byte \($0 - bytes.startIndex + 1) is" } ?? "the line is"
    return "\(at) not valid UTF-8; text must be valid UTF-8 (it is never repaired)"
  }

  /// The JSON key whose string value holds the first invalid byte (`id`, `unit`…), or `line`.
  static func fieldAround(_ bytes: ArraySlice<UInt8>) -> String {
    guard let bad = firstInvalid(bytes) else { return "line" }
    // Walk back over the value's string to the `"key":` before it.
    var quotes: [Int] = []
    for i in bytes.startIndex..<bad where bytes[i] == 0x22 { quotes.append(i) }
    guard quotes.count >= 3, quotes.count % 2 == 1 else { return "line" }
    let keyEnd = quotes[quotes.count - 2]
    let keyStart = quotes[quotes.count - 3]
    var between = bytes[(keyEnd + 1)..<quotes[quotes.count - 1]].drop { $0 == 0x20 }
    guard between.first == 0x3A else { return "line" }
    between = between.dropFirst()
    guard between.allSatisfy({ $0 == 0x20 }),
      let key = String(validating: bytes[(keyStart + 1)..<keyEnd], as: UTF8.self),
      key.utf8.count <= 40
    else { return "line" }
    return key
  }

  static func firstInvalid(_ bytes: ArraySlice<UInt8>) -> Int? {
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      let need: Int
      switch b {
      case 0x00...0x7F: need = 0
      case 0xC2...0xDF: need = 1
      case 0xE0...0xEF: need = 2
      case 0xF0...0xF4: need = 3
      default: return i
      }
      guard i + need < bytes.endIndex else { return i }
      if need > 0 {
        let tail = bytes[(i + 1)...(i + need)]
        guard tail.allSatisfy({ $0 & 0xC0 == 0x80 }) else { return i }
        let second = bytes[i + 1]
        if b == 0xE0 && second < 0xA0 || b == 0xED && second > 0x9F || b == 0xF0 && second < 0x90
          || b == 0xF4 && second > 0x8F
        {
          return i
        }
      }
      i += need + 1
    }
    return nil
  }
}
