import Foundation

/// Lets the CSV parsing thread check rows too, once the reader has found the header: the rows of
/// every chunk parsed after that are validated on the parsing thread (with a validator of its own),
/// so the caller's thread only applies them. Rows checked ahead give exactly what the caller's own
/// check would (the same `RowValidator`); rows before the header is known are checked by the caller.
final class RowChecksAhead: @unchecked Sendable {
  private let lock = NSLock()
  private var header: LedgerHeader?
  private var headerRow = Int.max
  let file: String

  init(file: String) { self.file = file }

  /// Called by the reader once, when it has read the header on `row`.
  func found(_ header: LedgerHeader, on row: Int) {
    lock.lock()
    self.header = header
    headerRow = row
    lock.unlock()
  }

  /// The header and its row, once found.
  var known: (header: LedgerHeader, row: Int)? {
    lock.lock()
    defer { lock.unlock() }
    return header.map { ($0, headerRow) }
  }
}

/// One checked row handed over with a parsed chunk.
typealias CheckedRow = Result<LedgerRow, LedgerFileError>
