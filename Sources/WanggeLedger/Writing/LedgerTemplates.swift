import WanggeCore

/// Empty ledgers with their headers and one synthetic example row, and typed rows rendered back into
/// cells (for export): the column order is the template's.
public enum LedgerTemplates {
  /// The header of a `kind` ledger: the level columns below the root, then the kind's columns.
  public static func headers(_ kind: LedgerKind, levels: LevelChain, english: Bool = false) -> [String] {
    if kind == .volunteers { return VolunteerLedger.template.header }
    if kind == .duty { return DutyLedger.header(levels: levels) }
    let path = Array(levels.names.dropFirst())
    let pathNames = english ? path.map { LevelHeaders.english[$0] ?? $0 } : path
    return pathNames + kind.columns.map { english ? $0.english : $0.chinese }
  }

  /// A template: the header and one example row (synthetic names, a made-up phone).
  public static func template(_ kind: LedgerKind, levels: LevelChain, english: Bool = false) -> LedgerTable {
    let path = PlacePath(
      segments: levels.names.dropFirst().enumerated().map { exampleName($0.element, $0.offset) })
    let example: LedgerRow
    switch kind {
    case .households:
      example = .household(
        RegistryHousehold(
          path: path, room: "101", headName: "张三", phone: "13800000000", people: 3, flags: [.elderlyAlone],
          reach: .inGroup))
    case .leaders:
      example = .leader(
        RegistryLeader(
          path: path, name: "李四", phone: "13900000000", department: "市教育局", squad: "第一组", squadLeader: "王五",
          home: "河南街道"))
    case .help:
      example = .help(
        RegistryHelpCase(
          path: path, room: "101", headName: "张三", mode: .phone, helper: "赵六", cadence: .days(2), needs: "买药",
          greenChannel: false, lastVisit: nil, openedAt: nil))
    case .places: example = .place(PlaceRow(path: path))
    case .volunteers: return VolunteerLedger.template
    case .duty: return DutyLedger.template(levels: levels)
    }
    return table(kind, rows: [example], levels: levels, english: english)
  }

  /// `rows` (all of `kind`) as a table under the template's header.
  public static func table(_ kind: LedgerKind, rows: [LedgerRow], levels: LevelChain, english: Bool = false)
    -> LedgerTable
  {
    let depth = levels.names.count - 1
    let header = headers(kind, levels: levels, english: english)
    let numbers: Set<Int> = kind == .households ? [depth + kind.columns.firstIndex(of: .size)!] : []
    return LedgerTable(header: header, rows: rows.map { cells($0, depth: depth) }, numberColumns: numbers)
  }

  /// The cells of `row` in template order; a path shorter than `depth` levels is padded with empty cells
  /// on the right.
  public static func cells(_ row: LedgerRow, depth: Int) -> [String] {
    var path = row.path.segments
    if path.count < depth { path += Array(repeating: "", count: depth - path.count) }
    func yes(_ b: Bool) -> String { b ? "是" : "否" }
    switch row {
    case .household(let r):
      return path + [
        r.room, r.headName, r.phone, String(r.people), yes(r.flags.contains(.elderlyAlone)),
        yes(r.flags.contains(.noSmartphone)), yes(r.flags.contains(.disabledOrChronic)),
        yes(r.flags.contains(.longVacant)), yes(r.flags.contains(.homeIsolation)),
        r.reach.map(reachWord) ?? "",
      ]
    case .leader(let r): return path + [r.name, r.phone, r.department, r.squad, r.squadLeader, r.home]
    case .help(let r):
      return path + [
        r.room, r.headName, modeWord(r.mode), r.helper, r.cadence.description, r.needs, yes(r.greenChannel),
        r.lastVisit.map(InstantFormat.iso) ?? "", r.openedAt.map(InstantFormat.iso) ?? "",
      ]
    case .place: return path
    }
  }

  static func reachWord(_ r: Reachability) -> String {
    switch r {
    case .inGroup: "已进群"
    case .phoneOnly: "电话"
    case .notReached: "未对接"
    }
  }

  static func modeWord(_ m: ServiceMode) -> String {
    switch m {
    case .group: "群内服务"
    case .phone: "电话问询"
    case .pairedHelper: "一包一"
    case .homeVisit: "上门看"
    }
  }

  static func exampleName(_ level: String, _ i: Int) -> String {
    switch level {
    case "楼栋": "1号楼"
    case "单元": "1单元"
    default: "示例" + level
    }
  }
}
