import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Reads one sheet of an .xlsx ledger (the first, or the one named) row by row, with the row numbers
/// Excel shows (`<row r="7">`), empty cells filled in from the cell references (`r="C7"`), shared and
/// inline strings, numbers written without a trailing `.0` or an exponent (a phone stored as a number
/// reads `13812345678`), and date cells as `2022-04-10 09:30:00`.
struct XLSXSheetReader {
  let url: URL
  let file: String
  /// The sheet's name; the first sheet when nil.
  let sheet: String?

  /// Calls `body` with every row in order; returns the sheet's name.
  func read(_ body: (RawSheetRow) throws -> Void) throws -> String {
    let package = try XLSXPackage(url: url, file: file)
    let (sheets, date1904) = try package.sheets()
    let chosen: (name: String, path: String)
    if let sheet {
      guard let s = sheets.first(where: { $0.name == sheet }) else {
        throw package.fail(
          "has no sheet named \(quote(sheet))", "name one of: \(sheets.map(\.name).joined(separator: ", "))")
      }
      chosen = s
    } else {
      guard let s = sheets.first else { throw package.fail("has no sheet") }
      chosen = s
    }
    guard let xml = try package.part(chosen.path) else { throw package.fail("has no \(chosen.path)") }
    let strings = try package.sharedStrings()
    let dates = try package.dateStyles()
    return try withoutActuallyEscaping(body) { body in
      let parser = SheetParser(strings: strings, dateStyles: dates, date1904: date1904, body: body)
      let xmlParser = XMLParser(data: xml)
      xmlParser.delegate = parser
      let ok = xmlParser.parse()
      if let error = parser.failure { throw error }
      guard ok else { throw package.fail("\(chosen.path) is not well-formed XML") }
      return chosen.name
    }
  }
}

/// The sheet XML's delegate: builds each row and hands it on.
final class SheetParser: NSObject, XMLParserDelegate {
  private let strings: [String]
  private let dateStyles: Set<Int>
  private let date1904: Bool
  private let body: (RawSheetRow) throws -> Void
  private(set) var failure: Error?

  private var rowNumber = 0
  private var cells: [String] = []
  private var cellColumn = 0
  private var cellType = ""
  private var cellStyle = 0
  private var value = ""
  private var collecting = false
  private var phonetic = 0

  init(strings: [String], dateStyles: Set<Int>, date1904: Bool, body: @escaping (RawSheetRow) throws -> Void)
  {
    self.strings = strings
    self.dateStyles = dateStyles
    self.date1904 = date1904
    self.body = body
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?,
    attributes a: [String: String] = [:]
  ) {
    switch localName(elementName) {
    case "row":
      rowNumber = a["r"].flatMap(Int.init) ?? rowNumber + 1
      cells = []
    case "c":
      cellColumn = a["r"].flatMap(Self.columnIndex) ?? cells.count
      cellType = a["t"] ?? "n"
      cellStyle = a["s"].flatMap(Int.init) ?? 0
      value = ""
    case "v": collecting = true
    case "t" where phonetic == 0: collecting = true
    case "rPh": phonetic += 1
    default: break
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    switch localName(elementName) {
    case "v", "t": collecting = false
    case "rPh": phonetic -= 1
    case "c":
      guard cellColumn < LedgerBounds.maxCells * 4 else { return }
      if cells.count < cellColumn {
        cells.append(contentsOf: repeatElement("", count: cellColumn - cells.count))
      }
      let text = cellText()
      if cellColumn < cells.count { cells[cellColumn] = text } else { cells.append(text) }
    case "row":
      do {
        try body(RawSheetRow(number: rowNumber, cells: cells))
      } catch {
        failure = error
        parser.abortParsing()
      }
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if collecting { value += string }
  }

  private func cellText() -> String {
    switch cellType {
    case "s": return Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
    case "inlineStr", "str", "e", "d": return value
    case "b": return value == "1" ? "TRUE" : "FALSE"
    default:
      if dateStyles.contains(cellStyle), let serial = Double(value) {
        return ExcelSerial.text(serial, date1904: date1904) ?? value
      }
      return Self.numberText(value)
    }
  }

  /// `13812345678`, `1.3812345678E10` and `13812345678.0` all read `13812345678`; `3.5` stays.
  static func numberText(_ v: String) -> String {
    guard v.contains("E") || v.contains("e") || v.hasSuffix(".0"), let d = Double(v), d.rounded() == d,
      abs(d) < 1e15
    else { return v }
    return String(Int64(d))
  }

  /// `C7` → 2 (A is 0); nil when the reference has no letters.
  static func columnIndex(_ reference: String) -> Int? {
    var n = 0
    var letters = 0
    for u in reference.unicodeScalars {
      guard (65...90).contains(u.value) || (97...122).contains(u.value) else { break }
      n = n * 26 + Int((u.value & 0xDF) - 64)
      letters += 1
      if letters > 3 { return nil }
    }
    return letters == 0 ? nil : n - 1
  }
}

/// Excel's date serials: days since 1899-12-30 (or 1904-01-01), the fraction the time of day.
enum ExcelSerial {
  /// `44661.5` → `2022-04-10 12:00:00`; nil out of the years 1900–9999.
  static func text(_ serial: Double, date1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    var seconds = Int64((serial * 86_400).rounded())
    if date1904 { seconds += 1462 * 86_400 }
    let days = seconds / 86_400
    let rest = seconds % 86_400
    // Day 0 is 1899-12-30, which is day -25569 of the Unix epoch.
    let (y, m, d) = civil(fromDays: days - 25_569)
    func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(two(m))-\(two(d)) \(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))"
  }

  /// Howard Hinnant's civil_from_days: days since 1970-01-01 → (year, month, day).
  static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}
