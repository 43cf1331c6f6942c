import Foundation
import ZIPFoundation

/// Writes a minimal valid .xlsx workbook (one sheet here, several in `write(sheets:to:)`; content types, relationships, workbook,
/// styles, the sheet with inline strings) through ZIPFoundation; Excel, WPS and openpyxl open it.
/// The header row is bold-free and frozen-free on purpose: the smallest file that round-trips.
public enum XLSXLedgerWriter {
  /// Writes `table` as the sheet `sheetName` of a new workbook at `url` (replacing a file there).
  public static func write(_ table: LedgerTable, sheetName: String = "Sheet1", to url: URL) throws {
    try write(sheets: [(name: sheetName, table: table)], to: url)
  }

  /// A fixed entry time (2000-01-01) so the same table gives the same bytes.
  static let fixedDate = Date(timeIntervalSince1970: 946_684_800)

  /// Excel's rules for a sheet name: at most 31 characters, none of `[]:*?/\`.
  static func sheetTitle(_ s: String) -> String {
    let cleaned = String(s.filter { !"[]:*?/\\".contains($0) }.prefix(31))
    return cleaned.isEmpty ? "Sheet1" : cleaned
  }

  static func sheetXML(_ table: LedgerTable) -> Data {
    var out = """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      """
    func row(_ cells: [String], _ r: Int, numbers: Set<Int>) {
      out += "<row r=\"\(r)\">"
      for (i, cell) in cells.enumerated() where !cell.isEmpty {
        let ref = columnName(i) + String(r)
        if numbers.contains(i), Int(cell) != nil {
          out += "<c r=\"\(ref)\"><v>\(cell)</v></c>"
        } else {
          out += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escape(cell))</t></is></c>"
        }
      }
      out += "</row>"
    }
    row(table.header, 1, numbers: [])
    for (i, cells) in table.rows.enumerated() { row(cells, i + 2, numbers: table.numberColumns) }
    out += "</sheetData></worksheet>"
    return Data(out.utf8)
  }

  /// 0 → A, 25 → Z, 26 → AA.
  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var s = ""
    while n > 0 {
      let r = (n - 1) % 26
      s = String(UnicodeScalar(UInt8(65 + r))) + s
      n = (n - 1) / 26
    }
    return s
  }

  /// XML text: `&<>"` escaped, characters XML 1.0 cannot hold (most controls) left out.
  static func escape(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        let v = u.value
        if v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
          || v >= 0x10000
        {
          out.unicodeScalars.append(u)
        }
      }
    }
    return out
  }

  static let contentTypes = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
    <Default Extension="xml" ContentType="application/xml"/>\
    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
    </Types>
    """
  static let rootRels = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """
  static let styles = """
    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
    <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """
}
