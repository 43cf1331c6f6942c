import Foundation

/// Writes the rows a read refused, as they were, with a `问题` (or `problem`) column naming what is
/// wrong, in the format and encoding of the file read (a GB18030 CSV stays GB18030, an .xlsx stays
/// .xlsx), so the operator fixes the cells and imports the file as it is.
public enum LedgerErrorsWriter {
  /// Writes the rejected rows of `result` to `url`.
  public static func write(_ result: LedgerReadResult, to url: URL) throws {
    let table = self.table(result)
    switch result.format {
    case .csv(let encoding): try CSVLedgerWriter.write(table, to: url, encoding: encoding)
    case .xlsx(let sheet): try XLSXLedgerWriter.write(table, sheetName: sheet, to: url)
    }
  }

  /// The header (without an old 问题 column, plus a new one) and the rejected rows with their notes:
  /// `第7行: 电话: … (…)；独居老人: … (…)`.
  public static func table(_ result: LedgerReadResult) -> LedgerTable {
    let old = result.header.columnCells[.problemNote]
    let keep = result.header.cells.indices.filter { $0 != old }
    let noteHeader =
      result.header.isEnglish ? LedgerColumn.problemNote.english : LedgerColumn.problemNote.chinese
    let header = keep.map { result.header.cells[$0] } + [noteHeader]
    let rows = result.rejected.map { r -> [String] in
      let cells = keep.map { $0 < r.raw.cells.count ? r.raw.cells[$0] : "" }
      let prefix = result.header.isEnglish ? "row \(r.raw.number): " : "第\(r.raw.number)行: "
      let separator = result.header.isEnglish ? "; " : "；"
      return cells + [prefix + r.problems.map(\.cellNote).joined(separator: separator)]
    }
    return LedgerTable(header: header, rows: rows)
  }
}
