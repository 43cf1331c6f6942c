import Foundation
import ZIPFoundation

/// A workbook of several sheets, one table each (the weekly bulletin's tables), written like the
/// one-sheet workbook: the same styles, inline strings and fixed entry times.
extension XLSXLedgerWriter {
  /// Writes `sheets` (name, table) in order as the sheets of a new workbook at `url` (replacing a file
  /// there). Names follow Excel's rules (``sheetTitle(_:)``); a repeated name gets ` (2)`, ` (3)`….
  public static func write(sheets: [(name: String, table: LedgerTable)], to url: URL) throws {
    let sheets = sheets.isEmpty ? [(name: "Sheet1", table: LedgerTable(header: [], rows: []))] : sheets
    try? FileManager.default.removeItem(at: url)
    let archive: Archive
    do {
      archive = try Archive(url: url, accessMode: .create)
    } catch {
      throw LedgerFileError([
        LedgerProblem(
          file: url.path, row: 0, column: "-", problem: "cannot be written",
          fix: "check the folder exists and is writable")
      ])
    }
    var names: [String] = []
    for s in sheets {
      var name = sheetTitle(s.name)
      var n = 2
      while names.contains(name) {
        name = sheetTitle(String(sheetTitle(s.name).prefix(26)) + " (\(n))")
        n += 1
      }
      names.append(name)
    }
    let indices = Array(1...sheets.count)
    let types =
      contentTypes.components(separatedBy: "<Override PartName=\"/xl/worksheets/sheet1.xml\"")[0]
      + indices.map {
        "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
      }.joined()
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>"
    let book = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
      xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
      """
      + zip(indices, names).map { "<sheet name=\"\(escape($1))\" sheetId=\"\($0)\" r:id=\"rId\($0)\"/>" }
      .joined()
      + "</sheets></workbook>"
    let rels = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
      """
      + indices.map {
        "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
      }.joined()
      + "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
    var parts: [(String, Data)] = [
      ("[Content_Types].xml", Data(types.utf8)),
      ("_rels/.rels", Data(rootRels.utf8)),
      ("xl/workbook.xml", Data(book.utf8)),
      ("xl/_rels/workbook.xml.rels", Data(rels.utf8)),
      ("xl/styles.xml", Data(styles.utf8)),
    ]
    for (i, s) in zip(indices, sheets) { parts.append(("xl/worksheets/sheet\(i).xml", sheetXML(s.table))) }
    for (path, data) in parts {
      try archive.addEntry(
        with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
        compressionMethod: .deflate
      ) { position, size in
        data.subdata(in: Int(position)..<Int(position) + size)
      }
    }
  }
}
