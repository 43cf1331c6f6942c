import Foundation

/// Writes a CSV ledger row by row in constant memory: CRLF line ends and quotes where a cell needs
/// them (the rule CSV.swift's writer follows), in UTF-8 with a BOM (what Excel opens with Chinese
/// intact), plain UTF-8, or GB18030 (what WPS writes).
public final class CSVLedgerWriter {
  private let handle: FileHandle
  private let encoding: LedgerEncoding
  private var pending = ""
  private static let flushBytes = 256 * 1024

  /// Creates (or truncates) the file at `url`.
  public init(url: URL, encoding: LedgerEncoding = .utf8BOM) throws {
    guard FileManager.default.createFile(atPath: url.path, contents: Data(encoding.preamble)),
      let h = try? FileHandle(forWritingTo: url)
    else {
      throw LedgerFileError([
        LedgerProblem(
          file: url.path, row: 0, column: "-", problem: "cannot be written",
          fix: "check the folder exists and is writable")
      ])
    }
    handle = h
    try handle.seekToEnd()
    self.encoding = encoding
  }

  /// Adds one row.
  public func write(row: [String]) throws {
    pending += row.map(Self.field).joined(separator: ",")
    pending += "\r\n"
    if pending.utf8.count >= Self.flushBytes { try flush() }
  }

  /// Writes what is pending and closes the file.
  public func close() throws {
    try flush()
    try handle.close()
  }

  private func flush() throws {
    guard !pending.isEmpty else { return }
    try handle.write(contentsOf: encoding.encode(pending))
    pending = ""
  }

  /// The cell, quoted when it holds a quote, a comma or a line break; a leading `=` or `@` (a formula
  /// to a spreadsheet, never a valid ledger value) is kept as text by a leading `'`.
  static func field(_ value: String) -> String {
    var v = value
    if let first = v.unicodeScalars.first, first == "=" || first == "@" { v = "'" + v }
    guard v.contains(where: { $0 == "\"" || $0 == "," || $0 == "\n" || $0 == "\r" }) else { return v }
    return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Writes `table` to `url` in one go.
  public static func write(_ table: LedgerTable, to url: URL, encoding: LedgerEncoding = .utf8BOM) throws {
    let w = try CSVLedgerWriter(url: url, encoding: encoding)
    try w.write(row: table.header)
    for row in table.rows { try w.write(row: row) }
    try w.close()
  }
}
