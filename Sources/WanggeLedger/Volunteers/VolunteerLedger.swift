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

  /// Reads `url`; returns the rows, or throws `LedgerFileError` with every problem (nothing is kept).
  public static func read(_ url: URL, file: String? = nil) throws -> [Row] {
    let name = file ?? url.path
    var header: [Int: Column]?
    var rows: [Row] = []
    var problems: [LedgerProblem] = []
    func take(_ raw: RawSheetRow) {
      guard !raw.isBlank else { return }
      guard let columns = header else {
        var found: [Int: Column] = [:]
        for (i, cell) in raw.cells.enumerated() {
          let t = FastText.trimmed(cell)
          if let c = Column.allCases.first(where: { $0.aliases.contains(t) }) { found[i] = c }
        }
        if Set(found.values).isSuperset(of: [.name, .phone, .place]) { header = found }
        return
      }
      var row = Row(
        rowNumber: raw.number, name: "", phone: "", place: "", homeUnit: "", team: "", partyMember: false,
        posts: [], reportedAt: nil, onPostAt: nil)
      func cell(_ c: Column) -> String? {
        columns.first { $0.value == c }.flatMap {
          raw.cells.indices.contains($0.key) ? raw.cells[$0.key] : ""
        }
      }
      func check<T>(_ c: Column, _ parse: (String) -> Result<T, CellProblem>) -> T? {
        guard let text = cell(c) else { return nil }
        switch parse(text) {
        case .success(let v): return v
        case .failure(let p):
          problems.append(
            LedgerProblem(file: name, row: raw.number, column: c.rawValue, problem: p.problem, fix: p.fix))
          return nil
        }
      }
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
        problems.append(
          LedgerProblem(
            file: name, row: raw.number, column: "-",
            problem: "a name over 40, a unit over 80 or a team over 40 characters",
            fix: "shorten it"))
      }
      rows.append(row)
    }
    let ext = url.pathExtension.lowercased()
    if ext == "xlsx" || ext == "xlsm" {
      _ = try XLSXSheetReader(url: url, file: name, sheet: nil).read { take($0) }
    } else {
      _ = try CSVSheetReader(url: url, file: name, encoding: nil).read({ row, _ in take(row) })
    }
    if header == nil {
      problems.insert(
        LedgerProblem(
          file: name, row: 0, column: "-", problem: "has no header row with 姓名, 电话 and 报到社区",
          fix: "put a header row such as \(templateHeader) above the data"), at: 0)
    }
    guard problems.isEmpty else { throw LedgerFileError(problems) }
    return rows
  }
}
