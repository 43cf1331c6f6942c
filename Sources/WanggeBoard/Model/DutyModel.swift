import TerminalUI
import WanggeCore
import WanggeStore

/// The station's team card (值班): each post of the roster, who holds it and whether they are on
/// post now; an unfilled post past its shift start (空岗) is red.
enum DutyModel {
  /// The card's rows in the articles' order (指挥长, 书记, 小区副指挥长, groups, then the rest).
  static func team(_ duty: [(post: DutyPost, state: DutyState)], _ t: Words) -> TableModel {
    let columns = [
      ModelColumn(t("岗位", "Post"), width: 10, alignment: .left, priority: 100),
      ModelColumn(t("姓名", "Name"), width: 8, alignment: .left, priority: 90, grows: true),
      ModelColumn(t("电话", "Phone"), width: 11, alignment: .left, priority: 40),
      ModelColumn(t("班次", "Shift"), width: 11, alignment: .left, priority: 60),
      ModelColumn(t("在岗", "Now"), width: 8, alignment: .left, priority: 95),
    ]
    let rows = ordered(duty).map { p, state -> ModelRow in
      ModelRow(
        key: "d\(p.id)",
        cells: [
          TableCell(p.role), TableCell(p.person), TableCell(PhoneMask.mask(p.phone)), TableCell(shift(p)),
          cell(state, t),
        ],
        sortKeys: [
          .text(p.role), .text(p.person), .none, .number(Double(p.startMinute)), .number(Double(rank(state))),
        ])
    }
    let empty = duty.filter { $0.state == .empty }.count
    return TableModel(
      title: t("值班", "On duty") + (empty > 0 ? t(" · 空岗 \(empty)", " · empty posts \(empty)") : ""),
      columns: columns, rows: rows, emptyText: t("没有值班表（wangge duty add）", "No roster (wangge duty add)"))
  }

  /// Who the header names on duty: the first post held now, in the card's order (nil: nobody).
  static func onDuty(_ duty: [(post: DutyPost, state: DutyState)]) -> String? {
    ordered(duty).first { $0.state == .onPost }?.post.person
  }

  static func ordered(_ duty: [(post: DutyPost, state: DutyState)]) -> [(post: DutyPost, state: DutyState)] {
    func roleRank(_ r: String) -> Int { DutyPost.knownRoles.firstIndex(of: r) ?? DutyPost.knownRoles.count }
    return duty.sorted { a, b in
      let (x, y) = (roleRank(a.post.role), roleRank(b.post.role))
      return x != y ? x < y : a.post.id < b.post.id
    }
  }

  static func shift(_ p: DutyPost) -> String {
    func hm(_ m: Int) -> String {
      let m = m % 1440
      return (m / 60 < 10 ? "0" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }
    let rest = p.offDays > 0 ? " \(p.onDays)/\(p.offDays)" : ""
    return hm(p.startMinute) + "–" + hm(p.startMinute + p.lengthMinutes) + rest
  }

  static func cell(_ s: DutyState, _ t: Words) -> TableCell {
    switch s {
    case .onPost: TableCell("✓ " + t("在岗", "on post"), style: Style(.good))
    case .awaited: TableCell("… " + t("待签到", "awaited"), style: StatusKind.pending.style)
    case .empty: TableCell("✗ " + t("空岗", "empty"), style: StatusKind.overdue.style)
    case .offShift: TableCell(t("轮休/下班", "off"), style: Style(.muted))
    }
  }

  static func rank(_ s: DutyState) -> Int {
    switch s {
    case .empty: 0
    case .awaited: 1
    case .onPost: 2
    case .offShift: 3
    }
  }
}
