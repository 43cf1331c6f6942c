import WanggeCore

/// A duty roster ledger (值班表): the path to the station (level columns such as 街道/社区/…/小区), then
/// 岗位 (指挥长, 副指挥长, 第一书记, 第二书记, 楼长, 卡口, a working group…), 姓名, 电话, 班次开始 and 班次结束
/// (times of day; an end at or before the start crosses midnight), 轮休 (N/M days on/off, empty: every
/// day) and 轮休起始 (the first day on, empty: the day of the import). A post is keyed by the station's
/// path, the post, the person and the shift start.
public enum DutyLedger {
  /// One checked row; the station is a path still to be resolved against the store.
  public struct Row: Hashable, Sendable {
    public var rowNumber: Int
    public var path: PlacePath
    public var role, person, phone: String
    public var startMinute, lengthMinutes, onDays, offDays: Int
    /// The rotation's first day on (local day number), nil when the column is empty or absent.
    public var anchorDay: Int64?
    public init(
      rowNumber: Int, path: PlacePath, role: String, person: String, phone: String, startMinute: Int,
      lengthMinutes: Int, onDays: Int, offDays: Int, anchorDay: Int64?
    ) {
      self.rowNumber = rowNumber
      self.path = path
      self.role = role
      self.person = person
      self.phone = phone
      self.startMinute = startMinute
      self.lengthMinutes = lengthMinutes
      self.onDays = onDays
      self.offDays = offDays
      self.anchorDay = anchorDay
    }
  }

  /// The columns after the path, by their Chinese headers (and English codes).
  public enum Column: String, CaseIterable, Sendable {
    case post = "岗位", person = "姓名", phone = "电话", start = "班次开始", end = "班次结束", rotation = "轮休"
    case anchor = "轮休起始"

    public var aliases: [String] {
      switch self {
      case .post: ["岗位", "职务", "post", "role"]
      case .person: ["姓名", "值班人", "person", "name"]
      case .phone: ["电话", "联系电话", "手机", "phone"]
      case .start: ["班次开始", "上班时间", "开始时间", "shift_start", "start"]
      case .end: ["班次结束", "下班时间", "结束时间", "shift_end", "end"]
      case .rotation: ["轮休", "轮休安排", "rotation"]
      case .anchor: ["轮休起始", "轮休开始", "rotation_start"]
      }
    }
  }

  /// The header of a template under `levels` down to the compound (the station level of Jiaohe).
  public static func header(levels: LevelChain) -> [String] {
    Array(levels.names.dropFirst().dropLast(2)) + Column.allCases.map(\.rawValue)
  }

  /// An empty roster: the header and one synthetic example row.
  public static func template(levels: LevelChain) -> LedgerTable {
    let path = levels.names.dropFirst().dropLast(2).enumerated().map {
      LedgerTemplates.exampleName($0.element, $0.offset)
    }
    return LedgerTable(
      header: header(levels: levels),
      rows: [path + ["第一书记", "王五", "13900000002", "08:00", "20:00", "2/1", "2026-11-23"]])
  }

  /// The cells of `r` under a header whose path has `depth` level columns.
  public static func cells(_ r: Row, depth: Int, phone: String) -> [String] {
    var path = r.path.segments
    if path.count < depth { path += Array(repeating: "", count: depth - path.count) }
    func time(_ m: Int) -> String { String(format: "%02d:%02d", m / 60 % 24, m % 60) }
    let anchor = r.anchorDay.map { InstantFormat.iso(Instant(epochSeconds: $0 * 86_400)).prefix(10) } ?? ""
    return path + [
      r.role, r.person, phone, time(r.startMinute), time(r.startMinute + r.lengthMinutes),
      "\(r.onDays)/\(r.offDays)", String(anchor),
    ]
  }

  /// A time of day `08:00` (or `8:00`, `08:00:00`, `0800`), as minutes after midnight.
  static func minutes(_ raw: String) -> Result<Int, CellProblem> {
    let t = FastText.trimmed(raw).replacingOccurrences(of: "：", with: ":")
    var parts = t.split(separator: ":").map(String.init)
    if parts.count == 1, t.count == 4, t.allSatisfy(\.isNumber) {
      parts = [String(t.prefix(2)), String(t.suffix(2))]
    }
    guard parts.count == 2 || parts.count == 3, let h = Int(parts[0]), let m = Int(parts[1]),
      (0..<24).contains(h),
      (0..<60).contains(m)
    else {
      return .failure(CellProblem("\"\(raw)\" is not a time of day", "write a time such as 08:00"))
    }
    return .success(h * 60 + m)
  }

  /// 轮休 `N/M` (also `N休M`, `上N休M`), empty for every day.
  static func rotation(_ raw: String) -> Result<(Int, Int), CellProblem> {
    let t = FastText.trimmed(raw).replacingOccurrences(of: "上", with: "")
    if t.isEmpty { return .success((1, 0)) }
    let p = t.split(whereSeparator: { "/休-".contains($0) }).compactMap { Int($0) }
    guard p.count == 2, (1...30).contains(p[0]), (0...30).contains(p[1]) else {
      return .failure(CellProblem("\"\(raw)\" is not a rest rotation", "write N/M days on/off, e.g. 2/1"))
    }
    return .success((p[0], p[1]))
  }

  /// The rows of `sheet` checked: the good rows, every problem and the refused rows as they were.
  public static func validate(_ sheet: SideSheet, levels: LevelChain) -> (
    rows: [Row], problems: [LedgerProblem], rejected: [RejectedRow]
  ) {
    var columns: [Column: Int] = [:]
    for c in Column.allCases { columns[c] = sheet.cell(c.aliases) }
    var problems: [LedgerProblem] = []
    func headerProblem(_ what: String, _ fix: String) {
      problems.append(
        LedgerProblem(file: sheet.file, row: sheet.header.rowNumber, column: "-", problem: what, fix: fix))
    }
    for c in [Column.post, .person, .start, .end] where columns[c] == nil {
      headerProblem("no \(c.rawValue) column", "add a column headed \(c.rawValue)")
    }
    if sheet.header.pathCells.isEmpty {
      headerProblem(
        "no place path columns",
        "add the level columns of the station, e.g. \(header(levels: levels).prefix(4).joined(separator: ", "))"
      )
    }
    guard problems.isEmpty else { return ([], problems, []) }
    var rows: [Row] = []
    var rejected: [RejectedRow] = []
    let first = sheet.header.firstLevelDepth
    for raw in sheet.rows {
      var mine: [LedgerProblem] = []
      func text(_ i: Int?) -> String { i.map { raw.cells.indices.contains($0) ? raw.cells[$0] : "" } ?? "" }
      func check<T>(_ c: Column, _ parse: (String) -> Result<T, CellProblem>) -> T? {
        switch parse(text(columns[c])) {
        case .success(let v): return v
        case .failure(let p):
          mine.append(
            LedgerProblem(
              file: sheet.file, row: raw.number, column: c.rawValue, problem: p.problem, fix: p.fix))
          return nil
        }
      }
      var segments: [String] = []
      for (k, i) in sheet.header.pathCells.enumerated() {
        let t = FastText.trimmed(text(i))
        if t.isEmpty { break }
        if t.count > 40 || t.contains("/") {
          mine.append(
            LedgerProblem(
              file: sheet.file, row: raw.number, column: levels.name(at: first + k),
              problem: "\"\(t)\" is not a place name", fix: "write the name alone, up to 40 characters, no /")
          )
        }
        segments.append(t)
      }
      if segments.isEmpty {
        mine.append(
          LedgerProblem(
            file: sheet.file, row: raw.number, column: levels.name(at: first), problem: "no station named",
            fix: "write the path to the station"))
      }
      let role = check(.post, CellValues.name) ?? ""
      let person = check(.person, CellValues.name) ?? ""
      let phone =
        columns[.phone] == nil || FastText.trimmed(text(columns[.phone])).isEmpty
        ? "" : (check(.phone, PhoneValue.parse) ?? "")
      let start = check(.start, minutes)
      let end = check(.end, minutes)
      let rot = check(.rotation, rotation) ?? (1, 0)
      let anchor = check(.anchor, CellValues.instant) ?? nil
      if role.count > 20 {
        mine.append(
          LedgerProblem(
            file: sheet.file, row: raw.number, column: Column.post.rawValue,
            problem: "a post over 20 characters",
            fix: "shorten it, e.g. 第一书记"))
      }
      guard mine.isEmpty, let start, let end else {
        problems += mine
        rejected.append(RejectedRow(raw: raw, problems: mine))
        continue
      }
      let length = (end - start + 1440) % 1440
      let off = Int64(InstantFormat.displayOffsetSeconds)
      rows.append(
        Row(
          rowNumber: raw.number, path: PlacePath(segments: segments), role: role, person: person,
          phone: phone,
          startMinute: start, lengthMinutes: length == 0 ? 1440 : length, onDays: rot.0, offDays: rot.1,
          anchorDay: anchor.map { ($0.epochSeconds + off).floorDiv(86_400) }))
    }
    return (rows, problems, rejected)
  }
}

extension Int64 {
  fileprivate func floorDiv(_ d: Int64) -> Int64 { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
