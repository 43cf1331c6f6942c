import CSV
import Foundation

/// Streams a CSV ledger in constant memory: reads 1 MiB at a time, cuts at the last line break outside
/// quotes (a byte that is never part of a GB18030 or UTF-8 character), decodes those whole records and
/// parses them (plain records on bytes, the rest with CSV.swift: see ``PlainCSV``). Records are numbered as a spreadsheet shows them (row 1 first), so a
/// quoted line break does not shift the numbers.
///
/// Reading, decoding and parsing run on a thread of their own, at most `BatchQueue.capacity` chunks
/// ahead of the caller, which validates (and later stores) the rows on its own core.
///
/// CSV.swift's own stream reader is not used: it sets `.cannotReadFile` at a normal end of file on
/// Linux, reads only Unicode codecs (not GB18030) and is about half as fast.
final class CSVSheetReader {
  let url: URL
  let file: String
  /// The encoding to use; detected from the first records when nil.
  let encoding: LedgerEncoding?
  /// The encoding used so far (set once the first records are read).
  private(set) var usedEncoding: LedgerEncoding?
  /// The first row holding bytes that are not text in the encoding, once one is seen.
  private(set) var firstUndecodableRow: Int?

  /// Where the parsing thread learns the header, to check rows ahead of the caller (nil: it does not).
  let checksAhead: RowChecksAhead?

  init(url: URL, file: String, encoding: LedgerEncoding?, checksAhead: RowChecksAhead? = nil) {
    self.url = url
    self.file = file
    self.encoding = encoding
    self.checksAhead = checksAhead
  }

  /// What reading found besides the rows.
  struct Outcome {
    var encoding: LedgerEncoding
    /// The first row holding bytes that are not text in `encoding`, if any.
    var firstUndecodableRow: Int?
  }

  /// Calls `emit` with every row in order, and `progress` with the bytes of the file read so far after
  /// each chunk.
  func read(_ emit: (RawSheetRow, CheckedRow?) throws -> Void, progress: (Int64) -> Void = { _ in }) throws
    -> Outcome
  {
    guard let handle = try? FileHandle(forReadingFrom: url) else {
      throw LedgerFileError([
        LedgerProblem(
          file: file, row: 0, column: "-", problem: "cannot be opened",
          fix: "check the path and its permissions")
      ])
    }
    let queue = BatchQueue()
    let parser = ChunkParser(handle: handle, file: file, encoding: encoding, queue: queue)
    parser.checksAhead = checksAhead
    let thread = Thread { parser.run() }
    thread.stackSize = 1 << 20
    thread.start()
    defer { queue.cancelAndWait() }
    while let batch = try queue.take() {
      usedEncoding = batch.encoding
      if firstUndecodableRow == nil { firstUndecodableRow = batch.firstUndecodableRow }
      for (k, cells) in batch.rows.enumerated() {
        try emit(
          RawSheetRow(number: batch.firstRow + k, cells: cells),
          batch.checked.isEmpty ? nil : batch.checked[k])
      }
      progress(batch.bytesDone)
    }
    return Outcome(encoding: usedEncoding ?? encoding ?? .utf8, firstUndecodableRow: firstUndecodableRow)
  }
}

/// The records of one chunk, parsed.
struct ParsedBatch: Sendable {
  var rows: [[String]]
  /// The spreadsheet row of `rows[0]`.
  var firstRow: Int
  var encoding: LedgerEncoding
  var firstUndecodableRow: Int?
  /// Bytes of the file up to the end of this chunk's records.
  var bytesDone: Int64 = 0
  /// Each row checked on the parsing thread (nil: the header row or above); empty: none checked.
  var checked: [CheckedRow?] = []
}

/// A bounded hand-over of parsed chunks from the parsing thread to the caller.
final class BatchQueue: @unchecked Sendable {
  /// Chunks parsed ahead of the caller at most (so memory stays constant).
  static let capacity = 3
  private let condition = NSCondition()
  private var items: [ParsedBatch] = []
  private var finished = false
  private var failure: Error?
  private var cancelled = false
  private var producerDone = false

  /// Waits for room; false when the caller has stopped reading.
  func put(_ batch: ParsedBatch) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while items.count >= Self.capacity && !cancelled { condition.wait() }
    if cancelled { return false }
    items.append(batch)
    condition.broadcast()
    return true
  }

  /// Marks the end of the file, or a failure.
  func finish(_ error: Error?) {
    condition.lock()
    finished = true
    failure = error
    producerDone = true
    condition.broadcast()
    condition.unlock()
  }

  /// The next chunk; nil at the end; throws the parser's failure.
  func take() throws -> ParsedBatch? {
    condition.lock()
    defer { condition.unlock() }
    while items.isEmpty && !finished { condition.wait() }
    if !items.isEmpty {
      let b = items.removeFirst()
      condition.broadcast()
      return b
    }
    if let failure { throw failure }
    return nil
  }

  /// Stops the parser (if still running) and waits until it has closed the file.
  func cancelAndWait() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    while !producerDone { condition.wait() }
    condition.unlock()
  }

  var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }
}

/// Reads, cuts, decodes and parses chunks on the parsing thread.
final class ChunkParser: @unchecked Sendable {
  static let chunkBytes = 1 << 20
  let handle: FileHandle
  let file: String
  let encoding: LedgerEncoding?
  let queue: BatchQueue
  /// Set before `run`: the header, once the caller has found it.
  var checksAhead: RowChecksAhead?
  private var validator: RowValidator?

  init(handle: FileHandle, file: String, encoding: LedgerEncoding?, queue: BatchQueue) {
    self.handle = handle
    self.file = file
    self.encoding = encoding
    self.queue = queue
  }

  func run() {
    do {
      try parse()
      try? handle.close()
      queue.finish(nil)
    } catch {
      try? handle.close()
      queue.finish(error)
    }
  }

  private func parse() throws {
    var carry = Data()
    var used = encoding
    var rowsSoFar = 0
    var first = true
    var bytesRead: Int64 = 0
    while !queue.isCancelled {
      let chunk = try handle.read(upToCount: Self.chunkBytes) ?? Data()
      let atEnd = chunk.isEmpty
      bytesRead += Int64(chunk.count)
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
      let records = buffer.prefix(cut)
      carry = Data(buffer.dropFirst(cut))
      if used == nil { used = LedgerEncoding.detect(records) ?? .utf8 }
      first = false
      var firstBad: Int?
      let text: String
      if let strict = used!.decode(records) {
        text = strict
      } else {
        // Find the first record that is not text, then read the chunk with the bad bytes marked.
        for (i, record) in Self.records(records).enumerated() where used!.decode(record) == nil {
          firstBad = rowsSoFar + i + 1
          break
        }
        text = used!.decodeLossy(records)
      }
      let rows = try PlainCSV.rows(text)
      var batch = ParsedBatch(
        rows: rows, firstRow: rowsSoFar + 1, encoding: used!, firstUndecodableRow: firstBad,
        bytesDone: bytesRead - Int64(carry.count))
      batch.checked = check(rows, firstRow: rowsSoFar + 1)
      rowsSoFar += rows.count
      if !queue.put(batch) { return }
      if atEnd { break }
    }
  }

  /// The rows below the header checked here, once the caller has found the header (else none).
  private func check(_ rows: [[String]], firstRow: Int) -> [CheckedRow?] {
    guard let known = checksAhead?.known else { return [] }
    if validator == nil { validator = RowValidator(header: known.header, file: file) }
    return rows.enumerated().map { k, cells in
      let raw = RawSheetRow(number: firstRow + k, cells: cells)
      return raw.number > known.row && !raw.isBlank ? validator!.validate(raw) : nil
    }
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
