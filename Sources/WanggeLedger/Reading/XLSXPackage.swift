import Foundation
#if canImport(FoundationXML)
  import FoundationXML
#endif
import ZIPFoundation

/// The parts of an .xlsx file (a ZIP of XML parts) the ledger reader needs: the sheets by name, the
/// shared strings, which cell styles are dates, and the date system.
struct XLSXPackage {
  let archive: Archive
  let file: String

  init(url: URL, file: String) throws {
    self.file = file
    do {
      archive = try Archive(url: url, accessMode: .read)
    } catch {
      throw LedgerFileError([
        LedgerProblem(
          file: file, row: 0, column: "-", problem: "is not an .xlsx file (not a ZIP archive)",
          fix: "save it from Excel or WPS as .xlsx (Excel 2007 and later), or as .csv")
      ])
    }
  }

  func fail(_ problem: String, _ fix: String = "save it again from Excel or WPS as .xlsx") -> LedgerFileError
  {
    LedgerFileError([LedgerProblem(file: file, row: 0, column: "-", problem: problem, fix: fix)])
  }

  /// The bytes of the part at `path`; nil when the archive has none.
  func part(_ path: String) throws -> Data? {
    guard let entry = archive[path] else { return nil }
    guard UInt64(entry.uncompressedSize) <= LedgerBounds.maxXLSXPartBytes else {
      throw fail("\(path) is larger than 1 GiB uncompressed", "split the sheet or save it as .csv")
    }
    var data = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
    } catch {
      throw fail("\(path) cannot be read (\(error))")
    }
    return data
  }

  /// The sheets in workbook order: name and part path.
  func sheets() throws -> (sheets: [(name: String, path: String)], date1904: Bool) {
    guard let workbook = try part("xl/workbook.xml") else { throw fail("has no xl/workbook.xml") }
    let rels = try part("xl/_rels/workbook.xml.rels")
    let book = XMLAttributes.collect(workbook, elements: ["sheet", "workbookPr"])
    let targets = rels.map { XMLAttributes.collect($0, elements: ["Relationship"]) } ?? []
    var byID: [String: String] = [:]
    for r in targets {
      if let id = r.attributes["Id"], let target = r.attributes["Target"] { byID[id] = target }
    }
    var out: [(String, String)] = []
    for (i, s) in book.filter({ $0.name == "sheet" }).enumerated() {
      let name = s.attributes["name"] ?? "Sheet\(i + 1)"
      let rid = s.attributes["r:id"] ?? s.attributes.first(where: { $0.key.hasSuffix(":id") })?.value
      var path = rid.flatMap { byID[$0] } ?? "worksheets/sheet\(i + 1).xml"
      if path.hasPrefix("/") { path.removeFirst() } else { path = "xl/" + path }
      out.append((name, path))
    }
    let pr = book.first(where: { $0.name == "workbookPr" })?.attributes["date1904"]
    return (out, pr == "1" || pr == "true")
  }

  /// The shared string table (rich text runs joined; phonetic runs left out).
  func sharedStrings() throws -> [String] {
    guard let data = try part("xl/sharedStrings.xml") else { return [] }
    let reader = SharedStringsParser()
    let parser = XMLParser(data: data)
    parser.delegate = reader
    guard parser.parse() else { throw fail("xl/sharedStrings.xml is not well-formed XML") }
    return reader.strings
  }

  /// The cell style indexes whose number format is a date or a time.
  func dateStyles() throws -> Set<Int> {
    guard let data = try part("xl/styles.xml") else { return [] }
    let parser = StylesParser()
    let xml = XMLParser(data: data)
    xml.delegate = parser
    _ = xml.parse()
    var dates = Set<Int>()
    for (index, numFmt) in parser.cellFormats.enumerated() {
      if Self.builtinDateFormats.contains(numFmt)
        || parser.customFormats[numFmt].map(Self.isDateFormat) == true
      {
        dates.insert(index)
      }
    }
    return dates
  }

  /// Excel's built-in date and time formats, with those of Chinese Excel (27–36, 50–58).
  static let builtinDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

  /// True when a custom format code shows a date or time: it has y, m, d, h or s outside quotes and
  /// brackets (`yyyy"年"m"月"d"日"`, `[$-804]yyyy/m/d`), and is not General.
  static func isDateFormat(_ code: String) -> Bool {
    var inQuote = false
    var inBracket = false
    var escaped = false
    for ch in code.lowercased() {
      if escaped {
        escaped = false
        continue
      }
      switch ch {
      case "\\": escaped = true
      case "\"": inQuote.toggle()
      case "[" where !inQuote: inBracket = true
      case "]" where !inQuote: inBracket = false
      case "y", "m", "d", "h", "s", "e":
        if !inQuote && !inBracket { return true }
      default: break
      }
    }
    return false
  }
}

/// Collects the attributes of the named elements of a small XML part.
final class XMLAttributes: NSObject, XMLParserDelegate {
  struct Element {
    var name: String
    var attributes: [String: String]
  }
  private let wanted: Set<String>
  private(set) var found: [Element] = []
  private init(wanted: Set<String>) { self.wanted = wanted }

  static func collect(_ data: Data, elements: Set<String>) -> [Element] {
    let me = XMLAttributes(wanted: elements)
    let parser = XMLParser(data: data)
    parser.delegate = me
    _ = parser.parse()
    return me.found
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    if wanted.contains(localName(elementName)) {
      found.append(Element(name: localName(elementName), attributes: attributeDict))
    }
  }
}

/// `x:sheet` → `sheet`.
func localName(_ name: String) -> String {
  if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
  return name
}

/// Reads `xl/sharedStrings.xml`: one string per `si`, the text of its `t` elements outside `rPh`.
final class SharedStringsParser: NSObject, XMLParserDelegate {
  private(set) var strings: [String] = []
  private var current = ""
  private var inText = false
  private var phonetic = 0

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    switch localName(elementName) {
    case "si": current = ""
    case "t": inText = phonetic == 0
    case "rPh": phonetic += 1
    default: break
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    switch localName(elementName) {
    case "si": strings.append(current)
    case "t": inText = false
    case "rPh": phonetic -= 1
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { current += string }
  }
}

/// Reads `xl/styles.xml`: the number format of each cell format (`cellXfs/xf`) and the custom formats.
final class StylesParser: NSObject, XMLParserDelegate {
  private(set) var cellFormats: [Int] = []
  private(set) var customFormats: [Int: String] = [:]
  private var inCellXfs = false

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    switch localName(elementName) {
    case "numFmt":
      if let id = attributeDict["numFmtId"].flatMap(Int.init), let code = attributeDict["formatCode"] {
        customFormats[id] = code
      }
    case "cellXfs": inCellXfs = true
    case "xf" where inCellXfs: cellFormats.append(attributeDict["numFmtId"].flatMap(Int.init) ?? 0)
    default: break
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName qName: String?
  ) {
    if localName(elementName) == "cellXfs" { inCellXfs = false }
  }
}
