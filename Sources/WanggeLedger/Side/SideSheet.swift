import Foundation
import WanggeCore

/// A ledger that feeds a desk rather than the registry rows (volunteers, duty shifts): its header and
/// raw rows as read by the same readers (CSV in UTF-8, UTF-8 with BOM or GB18030; `.xlsx`).
public struct SideSheet: Sendable {
  /// `.volunteers` or `.duty`.
  public var kind: LedgerKind
  public var file: String
  public var format: LedgerFormat
  /// The header row (its `kind` is this sheet's; `columnCells` is empty: the kind's own columns are
  /// in `cells`).
  public var header: LedgerHeader
  /// The data rows, blank rows left out.
  public var rows: [RawSheetRow]

  /// The index of the first header cell that `names` (normalised) holds, nil when none does.
  public func cell(_ names: [String]) -> Int? {
    let wanted = Set(names.map(HeaderText.normalise))
    return header.cells.firstIndex { wanted.contains(HeaderText.normalise($0)) }
  }

  /// The result of reading the sheet, for an errors file: its rejected rows with their problems.
  public func result(problems: [LedgerProblem], rejected: [RejectedRow], accepted: Int) -> LedgerReadResult {
    LedgerReadResult(
      file: file, format: format, header: header, rowsRead: rows.count, rowsAccepted: accepted,
      problems: Array(problems.prefix(LedgerBounds.maxProblems)),
      problemsDropped: max(0, problems.count - LedgerBounds.maxProblems),
      rejected: Array(rejected.sorted { $0.raw.number < $1.raw.number }.prefix(LedgerBounds.maxProblems)))
  }
}

/// Tells a volunteers or duty ledger by its headers, cheaply (the first rows only), and reads it whole.
public enum SideLedger {
  /// The side kind a header row tells: duty when it has 岗位, 姓名 and 班次开始; volunteers when it has
  /// 姓名 and 电话 and one of 党员, 报到社区, 报到单位, 队伍; nil otherwise (a registry ledger).
  public static func kind(of cells: [String]) -> LedgerKind? {
    let have = Set(cells.map(HeaderText.normalise))
    func any(_ names: [String]) -> Bool { !have.isDisjoint(with: names.map(HeaderText.normalise)) }
    if any(DutyLedger.Column.post.aliases), any(DutyLedger.Column.start.aliases),
      any(DutyLedger.Column.person.aliases)
    {
      return .duty
    }
    if any(VolunteerLedger.Column.name.aliases), any(VolunteerLedger.Column.phone.aliases),
      any(
        VolunteerLedger.Column.party.aliases + ["报到社区", "报到地点"] + VolunteerLedger.Column.homeUnit.aliases
          + VolunteerLedger.Column.team.aliases.filter { $0 != "team" })
    {
      return .volunteers
    }
    return nil
  }

  /// The side kind of the file at `url`, from its first rows (a CSV's first 64 KiB; an .xlsx's first
  /// rows), or nil when it is a registry ledger or cannot be told (the registry reader then says why).
  public static func sniff(_ url: URL, options: LedgerReadOptions) -> LedgerKind? {
    let ext = url.pathExtension.lowercased()
    if ext == "xlsx" || ext == "xlsm" {
      var found: LedgerKind?
      var seen = 0
      struct Enough: Error {}
      _ = try? XLSXSheetReader(url: url, file: url.path, sheet: options.sheet).read { raw in
        if raw.isBlank { return }
        seen += 1
        if let k = kind(of: raw.cells) { found = k }
        if found != nil || seen >= LedgerBounds.maxTitleRows { throw Enough() }
      }
      return found
    }
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard var head = try? handle.read(upToCount: 65_536), !head.isEmpty else { return nil }
    if head.count == 65_536, let lastBreak = head.lastIndex(of: 0x0A) { head = head[..<(lastBreak + 1)] }
    let encoding = options.encoding ?? LedgerEncoding.detect(head) ?? .utf8
    let text: String?
    switch encoding {
    case .gb18030: text = GB18030Decoder.decode(head)
    case .utf8, .utf8BOM:
      text = String(
        decoding: head.starts(with: [0xEF, 0xBB, 0xBF]) ? head.dropFirst(3) : head, as: UTF8.self)
    }
    guard let text, let rows = try? PlainCSV.rows(text) else { return nil }
    for cells in rows.prefix(LedgerBounds.maxTitleRows) {
      if let k = kind(of: cells) { return k }
    }
    return nil
  }

  /// Reads the side ledger at `url` whole (side ledgers are small: a station's volunteers or roster);
  /// throws `LedgerFileError` when the file cannot be read or no header row tells `expected`.
  public static func read(_ url: URL, file: String, expected: LedgerKind, options: LedgerReadOptions) throws
    -> SideSheet
  {
    var header: (cells: [String], number: Int)?
    var rows: [RawSheetRow] = []
    var seen = 0
    func take(_ raw: RawSheetRow) {
      if raw.isBlank { return }
      guard header != nil else {
        seen += 1
        if seen <= LedgerBounds.maxTitleRows, kind(of: raw.cells) == expected {
          header = (raw.cells, raw.number)
        }
        return
      }
      rows.append(raw)
    }
    let format: LedgerFormat
    let ext = url.pathExtension.lowercased()
    if ext == "xlsx" || ext == "xlsm" {
      format = .xlsx(sheet: try XLSXSheetReader(url: url, file: file, sheet: options.sheet).read { take($0) })
    } else {
      let reader = CSVSheetReader(url: url, file: file, encoding: options.encoding)
      format = .csv(try reader.read({ row, _ in take(row) }).encoding)
    }
    guard let header else {
      throw LedgerFileError([
        LedgerProblem(
          file: file, row: 0, column: "-", problem: "has no \(expected.rawValue) header row",
          fix:
            "put a header row such as \(LedgerTemplates.headers(expected, levels: options.levels).joined(separator: ",")) above the data"
        )
      ])
    }
    let english = header.cells.filter { !$0.isEmpty && $0.unicodeScalars.allSatisfy { $0.isASCII } }.count
    let levelLookup = LevelHeaders(levels: options.levels)
    var pathByDepth: [Int: Int] = [:]
    for (i, c) in header.cells.enumerated() {
      if let d = levelLookup.depth(of: c), pathByDepth[d] == nil { pathByDepth[d] = i }
    }
    let depths = pathByDepth.keys.sorted()
    let h = LedgerHeader(
      cells: header.cells, rowNumber: header.number, kind: expected, firstLevelDepth: depths.first ?? 1,
      pathCells: depths.map { pathByDepth[$0]! }, columnCells: [:], ignored: [],
      isEnglish: english * 2 > header.cells.filter { !$0.isEmpty }.count)
    return SideSheet(kind: expected, file: file, format: format, header: h, rows: rows)
  }
}
