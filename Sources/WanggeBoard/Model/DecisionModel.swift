import TerminalUI
import WanggeCore

/// The station's meeting decisions (例会决定): what, who, by when, and where each stands; overdue
/// first, then open by due time, then done.
enum DecisionModel {
  static func make(_ list: [Decision], at now: Instant, _ t: Words) -> TableModel {
    let columns = [
      ModelColumn(t("决定事项", "Decision"), width: 16, alignment: .left, priority: 100, grows: true),
      ModelColumn(t("负责人", "Owner"), width: 8, alignment: .left, priority: 90),
      ModelColumn(t("时限", "Due"), width: 11, alignment: .left, priority: 80),
      ModelColumn(t("状态", "State"), width: 8, alignment: .left, priority: 95),
    ]
    func rank(_ d: Decision) -> Int {
      switch d.state(at: now) {
      case .overdue: 0
      case .open: 1
      case .done: 2
      }
    }
    let sorted = list.sorted { a, b in
      rank(a) != rank(b)
        ? rank(a) < rank(b) : (a.due?.epochSeconds ?? .max, a.id) < (b.due?.epochSeconds ?? .max, b.id)
    }
    let rows = sorted.map { d -> ModelRow in
      let state: TableCell =
        switch d.state(at: now) {
        case .overdue: TableCell("✗ " + t("逾期", "overdue"), style: StatusKind.overdue.style)
        case .open:
          TableCell(
            "… " + t("办理中", "open") + (d.progress.map { " " + DecisionModel.short($0) } ?? ""),
            style: StatusKind.pending.style)
        case .done: TableCell("✔ " + t("已办结", "done"), style: Style(.good))
        }
      return ModelRow(
        key: "dec\(d.id)",
        cells: [
          TableCell(d.text), TableCell(d.owner),
          d.due.map { TableCell(InstantFormat.short($0)) } ?? TableCell("—", style: Style(.muted)), state,
        ],
        sortKeys: [
          .text(d.text), .text(d.owner), d.due.map { .number(Double($0.epochSeconds)) } ?? .none,
          .number(Double(rank(d))),
        ])
    }
    return TableModel(
      title: t("例会决定", "Meeting decisions"), columns: columns, rows: rows,
      emptyText: t("没有决定（:decision 添加）", "No decisions (:decision adds one)"))
  }

  /// `3/12` for a task's finished units, or the order's state word.
  static func short(_ p: DecisionProgress) -> String {
    switch p {
    case .task(let finished, let assigned): "\(finished)/\(assigned)"
    case .order(let state, _): state.chineseName
    }
  }
}
