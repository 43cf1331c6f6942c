import Foundation
import WanggeCore

/// A volunteers ledger (志愿者/党员 双报到台账), read with the ledger readers (CSV in UTF-8 or GB18030,
/// `.xlsx`): a header row with 姓名 and 电话, then one volunteer per row. Columns: 姓名, 电话, 党员
/// (是/否), 报到社区 (the place path they reported to), 报到单位, 队伍, 岗位 (several with 、 or ,),
/// 报到时间, 上岗时间. Every problem is `FILE:ROW:COLUMN`.
public enum VolunteerLedger {
  /// One validated row (the place is a path still to be resolved against the store).
  public struct Row: Hashable, Sendable {
    public var rowNumber: Int
    public var name, phone, place, homeUnit, team: String
    public var partyMember: Bool
    public var posts: [String]
    public var reportedAt, onPostAt: Instant?
    public init(
      rowNumber: Int, name: String, phone: String, place: String, homeUnit: String, team: String,
      partyMember: Bool, posts: [String], reportedAt: Instant?, onPostAt: Instant?
    ) {
      self.rowNumber = rowNumber
      self.name = name
      self.phone = phone
      self.place = place
      self.homeUnit = homeUnit
      self.team = team
      self.partyMember = partyMember
      self.posts = posts
      self.reportedAt = reportedAt
      self.onPostAt = onPostAt
    }
  }

  /// The columns, by their Chinese headers (and English codes).
  public enum Column: String, CaseIterable, Sendable {
    case name = "姓名", phone = "电话", party = "党员", place = "报到社区", homeUnit = "报到单位", team = "队伍"
    case posts = "岗位", reportedAt = "报到时间", onPostAt = "上岗时间"

    var aliases: [String] {
      switch self {
      case .name: ["姓名", "name"]
      case .phone: ["电话", "联系电话", "手机", "phone"]
      case .party: ["党员", "是否党员", "party_member"]
      case .place: ["报到社区", "社区", "报到地点", "place"]
      case .homeUnit: ["报到单位", "单位", "所在单位", "home_unit"]
      case .team: ["队伍", "服务队", "team"]
      case .posts: ["岗位", "认领岗位", "服务岗位", "posts"]
      case .reportedAt: ["报到时间", "reported_at"]
      case .onPostAt: ["上岗时间", "在岗", "on_post_at"]
      }
    }
  }

  /// The header line of a template.
  public static var templateHeader: String { Column.allCases.map(\.rawValue).joined(separator: ",") }

  /// The rows of `sheet` checked: the good rows, every problem (`FILE:ROW:COLUMN`) and the refused
  /// rows as they were (for an errors file).
  public static func validate(_ sheet: SideSheet) -> (
    rows: [Row], problems: [LedgerProblem], rejected: [RejectedRow]
  ) {
    var columns: [Int: Column] = [:]
    for c in Column.allCases {
      if let i = sheet.cell(c.aliases), columns[i] == nil { columns[i] = c }
    }
    var rows: [Row] = []
    var problems: [LedgerProblem] = []
    var rejected: [RejectedRow] = []
    for c in [Column.name, .phone, .place] where !columns.values.contains(c) {
      problems.append(
        LedgerProblem(
          file: sheet.file, row: sheet.header.rowNumber, column: "-", problem: "no \(c.rawValue) column",
          fix: "add a column headed \(c.rawValue) (header: \(templateHeader))"))
    }
    guard problems.isEmpty else { return ([], problems, []) }
    for raw in sheet.rows {
      var mine: [LedgerProblem] = []
      func cell(_ c: Column) -> String? {
        columns.first { $0.value == c }.map { raw.cells.indices.contains($0.key) ? raw.cells[$0.key] : "" }
      }
      func check<T>(_ c: Column, _ parse: (String) -> Result<T, CellProblem>) -> T? {
        guard let text = cell(c) else { return nil }
        switch parse(text) {
        case .success(let v): return v
        case .failure(let p):
          mine.append(
            LedgerProblem(
              file: sheet.file, row: raw.number, column: c.rawValue, problem: p.problem, fix: p.fix))
          return nil
        }
      }
      var row = Row(
        rowNumber: raw.number, name: "", phone: "", place: "", homeUnit: "", team: "", partyMember: false,
        posts: [], reportedAt: nil, onPostAt: nil)
      row.name = check(.name, CellValues.name) ?? ""
      row.phone = check(.phone, PhoneValue.parse) ?? ""
      row.place = check(.place, CellValues.name) ?? ""
      row.partyMember = check(.party, CellValues.flag) ?? false
      row.homeUnit = check(.homeUnit, CellValues.note) ?? ""
      row.team = check(.team, CellValues.note) ?? ""
      row.posts = (check(.posts, CellValues.note) ?? "").split(whereSeparator: { "、,，;；/".contains($0) })
        .map { FastText.trimmed(String($0)) }.filter { !$0.isEmpty }
      row.reportedAt = check(.reportedAt, CellValues.instant) ?? nil
      row.onPostAt = check(.onPostAt, CellValues.instant) ?? nil
      if row.name.count > 40 || row.homeUnit.count > 80 || row.team.count > 40 {
        mine.append(
          LedgerProblem(
            file: sheet.file, row: raw.number, column: "-",
            problem: "a name over 40, a unit over 80 or a team over 40 characters", fix: "shorten it"))
      }
      if mine.isEmpty {
        rows.append(row)
      } else {
        problems += mine
        rejected.append(RejectedRow(raw: raw, problems: mine))
      }
    }
    return (rows, problems, rejected)
  }

  /// The cells of `row` under `templateHeader` (the phone as given: mask it first to export masked).
  public static func cells(_ r: Row) -> [String] {
    func day(_ i: Instant?) -> String {
      i.map { String(InstantFormat.iso($0).prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? ""
    }
    return [
      r.name, r.phone, r.partyMember ? "是" : "否", r.place, r.homeUnit, r.team, r.posts.joined(separator: "、"),
      day(r.reportedAt), day(r.onPostAt),
    ]
  }

  /// An empty volunteers ledger: the header and one synthetic example row.
  public static var template: LedgerTable {
    LedgerTable(
      header: Column.allCases.map(\.rawValue),
      rows: [["李明", "13900000001", "是", "河北街道/水映花城社区", "市教育局", "党员先锋队", "人员排查、配送物资", "2026-11-20 08:00", ""]])
  }
}
