import Foundation
import WanggeCore

/// The container a ledger came in, so an errors file can be written the same way.
public enum LedgerFormat: Hashable, Sendable {
  case csv(LedgerEncoding)
  /// An .xlsx workbook; the sheet read.
  case xlsx(sheet: String)
}

/// How to read a ledger.
public struct LedgerReadOptions: Sendable {
  /// The store's level chain: the path columns are its level names.
  public var levels: LevelChain
  /// The CSV encoding; detected when nil.
  public var encoding: LedgerEncoding?
  /// The .xlsx sheet; the first when nil.
  public var sheet: String?
  /// Keep the raw rejected rows for an errors file (at most `LedgerBounds.maxProblems`).
  public var keepRejected: Bool
  /// CSV: check rows on the parsing thread once the header is known (the same results; the caller's
  /// thread then only applies them). `WANGGE_IMPORT_CHECKS_AHEAD=0` turns it off, to compare.
  public var checkRowsAhead: Bool
  public init(
    levels: LevelChain, encoding: LedgerEncoding? = nil, sheet: String? = nil, keepRejected: Bool = true,
    checkRowsAhead: Bool = ProcessInfo.processInfo.environment["WANGGE_IMPORT_CHECKS_AHEAD"] != "0"
  ) {
    self.levels = levels
    self.encoding = encoding
    self.sheet = sheet
    self.keepRejected = keepRejected
    self.checkRowsAhead = checkRowsAhead
  }
}

/// A row that was refused, with its problems: what an errors file writes.
public struct RejectedRow: Hashable, Sendable {
  public var raw: RawSheetRow
  public var problems: [LedgerProblem]
  public init(raw: RawSheetRow, problems: [LedgerProblem]) {
    self.raw = raw
    self.problems = problems
  }
}

/// What reading a ledger found.
public struct LedgerReadResult: Sendable {
  public var file: String
  public var format: LedgerFormat
  public var header: LedgerHeader
  /// Data rows read (blank rows not counted).
  public var rowsRead: Int
  /// Rows that passed.
  public var rowsAccepted: Int
  /// Every problem, in row order (at most `LedgerBounds.maxProblems`; see `problemsDropped`).
  public var problems: [LedgerProblem]
  /// Problems found past the limit and not kept.
  public var problemsDropped: Int
  /// The refused rows with their problems, when asked for.
  public var rejected: [RejectedRow]

  /// Adds rows the store refused to `rejected`, keeping row order (at most `LedgerBounds.maxProblems`).
  public mutating func addRejected(_ rows: [RejectedRow]) {
    guard !rows.isEmpty else { return }
    rejected = Array(
      (rejected + rows).sorted { $0.raw.number < $1.raw.number }.prefix(LedgerBounds.maxProblems))
  }
  /// True when nothing is wrong.
  public var isClean: Bool { problems.isEmpty && problemsDropped == 0 }
}

/// Reads a ledger file (`.csv` or `.xlsx`) into validated rows, streaming: each good row is handed to
/// `onRow` as it is read, every problem of the file is collected.
public enum LedgerReader {
  /// Reads `url`; `file` is the name problems give (the path as the operator typed it). `progress`
  /// hears the bytes of a CSV file read so far (an .xlsx tells nothing).
  /// Throws `LedgerFileError` when the file cannot be read at all or its header names no ledger.
  public static func read(
    _ url: URL, file: String? = nil, options: LedgerReadOptions,
    onRow: (LedgerRecord) throws -> Void = { _ in }, progress: (Int64) -> Void = { _ in }
  ) throws -> LedgerReadResult {
    let name = file ?? url.path
    var state = ReadState(file: name, options: options)
    let format: LedgerFormat
    if url.pathExtension.lowercased() == "xlsx" || url.pathExtension.lowercased() == "xlsm" {
      let sheet = try XLSXSheetReader(url: url, file: name, sheet: options.sheet).read {
        try state.take($0, onRow)
      }
      format = .xlsx(sheet: sheet)
    } else if url.pathExtension.lowercased() == "xls" {
      throw LedgerFileError([
        LedgerProblem(
          file: name, row: 0, column: "-", problem: "is an Excel 97–2003 .xls file",
          fix: "save it as .xlsx or .csv (文件 → 另存为)")
      ])
    } else {
      let ahead = options.checkRowsAhead ? RowChecksAhead(file: name) : nil
      state.checksAhead = ahead
      let reader = CSVSheetReader(url: url, file: name, encoding: options.encoding, checksAhead: ahead)
      func encodingProblem() -> LedgerProblem? {
        guard let bad = reader.firstUndecodableRow, let used = reader.usedEncoding else { return nil }
        return LedgerProblem(
          file: name, row: bad, column: "-", problem: "holds bytes that are not \(used.rawValue) text",
          fix: used == .gb18030
            ? "save the file as UTF-8 or pass --encoding utf-8"
            : "pass --encoding gb18030 or save the file as UTF-8")
      }
      do {
        let outcome = try reader.read({ try state.take($0, onRow, checked: $1) }, progress: progress)
        format = .csv(outcome.encoding)
      } catch let e as LedgerFileError {
        throw LedgerFileError((encodingProblem().map { [$0] } ?? []) + e.problems)
      }
      if let p = encodingProblem() { state.add(p, first: true) }
    }
    guard let header = state.header else {
      let encoding = state.problems  // only an encoding problem comes before a header
      throw LedgerFileError(
        encoding + [
          LedgerProblem(
            file: name, row: 0, column: "-",
            problem: state.rowsSeen == 0
              ? "is empty" : "has no header row in its first \(LedgerBounds.maxTitleRows) rows",
            fix: "put a header row such as "
              + LedgerTemplates.headers(.households, levels: options.levels).joined(separator: ",")
              + " above the data")
        ])
    }
    return LedgerReadResult(
      file: name, format: format, header: header, rowsRead: state.rowsRead, rowsAccepted: state.rowsAccepted,
      problems: state.problems, problemsDropped: state.dropped, rejected: state.rejected)
  }
}

/// The state of one read: finding the header, then validating rows.
struct ReadState {
  let file: String
  let options: LedgerReadOptions
  var header: LedgerHeader?
  var validator: RowValidator?
  var rowsSeen = 0
  var rowsRead = 0
  var rowsAccepted = 0
  var problems: [LedgerProblem] = []
  var dropped = 0
  var rejected: [RejectedRow] = []
  /// Told the header once found, so the CSV parsing thread checks the rows after it.
  var checksAhead: RowChecksAhead?

  init(file: String, options: LedgerReadOptions) {
    self.file = file
    self.options = options
  }

  mutating func add(_ p: LedgerProblem, first: Bool = false) {
    if problems.count >= LedgerBounds.maxProblems {
      dropped += 1
    } else if first {
      problems.insert(p, at: 0)
    } else {
      problems.append(p)
    }
  }

  /// `checked`: the row's check, made ahead on the parsing thread (nil: check it here).
  mutating func take(_ raw: RawSheetRow, _ onRow: (LedgerRecord) throws -> Void, checked: CheckedRow? = nil)
    throws
  {
    rowsSeen += 1
    // A row checked ahead is below the header and not blank (the parsing thread checks only those).
    if checked == nil, raw.isBlank { return }
    guard let validator else {
      // The header is the first row that names at least two columns or levels (title rows above it
      // are skipped), or, failing that, the first non-blank row.
      let score = LedgerHeader.score(raw.cells, levels: options.levels)
      if score >= 2 || rowsSeen > LedgerBounds.maxTitleRows {
        switch LedgerHeader.read(cells: raw.cells, rowNumber: raw.number, file: file, levels: options.levels)
        {
        case .success(let h):
          header = h
          self.validator = RowValidator(header: h, file: file)
          checksAhead?.found(h, on: raw.number)
        case .failure(let e): throw e
        }
      }
      return
    }
    rowsRead += 1
    switch checked ?? validator.validate(raw) {
    case .success(let row):
      rowsAccepted += 1
      try onRow(LedgerRecord(rowNumber: raw.number, row: row, cells: raw.cells))
    case .failure(let error):
      let ps = error.problems
      for p in ps { add(p) }
      if options.keepRejected, rejected.count < LedgerBounds.maxProblems {
        rejected.append(RejectedRow(raw: raw, problems: ps))
      }
    }
  }
}
