/// One problem found in a ledger file, written `FILE:ROW:COLUMN: problem (fix)` with ROW as the
/// spreadsheet shows it (the header is row 1 unless a title row sits above it).
public struct LedgerProblem: Hashable, Sendable, CustomStringConvertible, Error {
  /// The file's name as given.
  public var file: String
  /// The row as the spreadsheet shows it; 0 for a problem with the whole file.
  public var row: Int
  /// The column's header as the file writes it; `-` for a problem with the whole row or file.
  public var column: String
  /// What is wrong, e.g. `13812 is not a phone number`.
  public var problem: String
  /// What to do about it, e.g. `write an 11-digit mobile or a landline such as 0432-64201234`.
  public var fix: String

  public init(file: String, row: Int, column: String, problem: String, fix: String) {
    self.file = file
    self.row = row
    self.column = column
    self.problem = problem
    self.fix = fix
  }

  /// `FILE:ROW:COLUMN: problem (fix)`.
  public var description: String { "\(file):\(row):\(column): \(problem) (\(fix))" }

  /// The problem without the file and row, as the errors file's 问题 column holds it: `电话: … (…)`.
  public var cellNote: String { column == "-" ? "\(problem) (\(fix))" : "\(column): \(problem) (\(fix))" }
}

/// A ledger file that cannot be read at all (not found, not a spreadsheet, no header row that names a
/// ledger); every problem found is listed.
public struct LedgerFileError: Error, Sendable, CustomStringConvertible {
  /// The problems, each naming the file.
  public var problems: [LedgerProblem]
  public init(_ problems: [LedgerProblem]) { self.problems = problems }
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
