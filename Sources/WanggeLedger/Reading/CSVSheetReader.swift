import CSV
import Foundation

/// Streams a CSV ledger in constant memory: reads 1 MiB at a time, cuts at the last line break outside
/// quotes (a byte that is never part of a GB18030 or UTF-8 character), decodes those whole records and
/// parses them with CSV.swift. Records are numbered as a spreadsheet shows them (row 1 first), so a
/// quoted line break does not shift the numbers.
///
/// CSV.swift's own stream reader is not used: it sets `.cannotReadFile` at a normal end of file on
/// Linux, reads only Unicode codecs (not GB18030) and is about half as fast.
final class CSVSheetReader {
  let url: URL
  let file: String
  /// The encoding to use; detected from the first records when nil.
  let encoding: LedgerEncoding?
  static let chunkBytes = 1 << 20
  /// The encoding used so far (set once the first records are read).
  private(set) var usedEncoding: LedgerEncoding?
  /// The first row holding bytes that are not text in the encoding, once one is seen.
  private(set) var firstUndecodableRow: Int?

  init(url: URL, file: String, encoding: LedgerEncoding?) {
    self.url = url
    self.file = file
    self.encoding = encoding
  }

  /// What reading found besides the rows.
  struct Outcome {
    var encoding: LedgerEncoding
    /// The first row holding bytes that are not text in `encoding`, if any.
    var firstUndecodableRow: Int?
  }

  /// Calls `body` with every row in order.
  func read(_ emit: (RawSheetRow) throws -> Void) throws -> Outcome {
    guard let handle = try? FileHandle(forReadingFrom: url) else {
      throw LedgerFileError([
        LedgerProblem(
          file: file, row: 0, column: "-", problem: "cannot be opened",
          fix: "check the path and its permissions")
      ])
    }
    defer { try? handle.close() }
    var carry = Data()
    var used = encoding
    var rowsSoFar = 0
    var firstBad: Int? {
      get { firstUndecodableRow }
      set { firstUndecodableRow = newValue }
    }
    var first = true
    while true {
      let chunk = try handle.read(upToCount: Self.chunkBytes) ?? Data()
      let atEnd = chunk.isEmpty
      var buffer = carry
      buffer.append(chunk)
      if buffer.isEmpty { break }
      if first, buffer.starts(with: [0xEF, 0xBB, 0xBF]) {
        if used == nil { used = .utf8BOM }
        buffer.removeFirst(3)
      }
      let cut = atEnd ? buffer.count : Self.lastRecordEnd(buffer)
      if cut == 0 {
        guard buffer.count <= LedgerBounds.maxRecordBytes else {
          throw LedgerFileError([
            LedgerProblem(
              file: file, row: rowsSoFar + 1, column: "-",
              problem: "a row longer than 1 MiB (an unclosed quote \"?)",
              fix: "close the quote or remove the stray \"")
          ])
        }
        carry = buffer
        continue
      }
      let body = buffer.prefix(cut)
      carry = Data(buffer.dropFirst(cut))
      if used == nil { used = LedgerEncoding.detect(body) ?? .utf8 }
      usedEncoding = used
      first = false
      let text: String
      if let strict = used!.decode(body) {
        text = strict
      } else {
        // Find the first record that is not text, then read the chunk with the bad bytes marked.
        if firstBad == nil {
          for (i, record) in Self.records(body).enumerated() where used!.decode(record) == nil {
            firstBad = rowsSoFar + i + 1
            break
          }
        }
        text = used!.decodeLossy(body)
      }
      let reader = try CSVReader(string: text)
      while let cells = reader.next() {
        rowsSoFar += 1
        try emit(RawSheetRow(number: rowsSoFar, cells: cells))
      }
      if atEnd { break }
    }
    return Outcome(encoding: used ?? encoding ?? .utf8, firstUndecodableRow: firstBad)
  }

  /// The offset just past the last line feed outside quotes, or 0 when there is none.
  static func lastRecordEnd(_ data: Data) -> Int {
    data.withUnsafeBytes { (p: UnsafeRawBufferPointer) -> Int in
      var quotes = 0
      var last = -1
      for i in 0..<p.count {
        let b = p[i]
        if b == 0x22 {
          quotes &+= 1
        } else if b == 0x0A, quotes & 1 == 0 {
          last = i
        }
      }
      return last + 1
    }
  }

  /// The whole records of `data` as byte ranges (each with its line break).
  static func records(_ data: Data) -> [Data] {
    var out: [Data] = []
    var start = data.startIndex
    var quotes = 0
    for i in data.indices {
      let b = data[i]
      if b == 0x22 {
        quotes &+= 1
      } else if b == 0x0A, quotes & 1 == 0 {
        out.append(data[start...i])
        start = i + 1
      }
    }
    if start < data.endIndex { out.append(data[start...]) }
    return out
  }
}
