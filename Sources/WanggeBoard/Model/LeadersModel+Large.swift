import TerminalUI
import WanggeCore
import WanggeStore

extension LeadersModel {
  /// Departments or squads ranked by the store (``TaskDesk/rankings(by:task:under:at:window:)``),
  /// for a scope with more units than are listed one by one: the leaders view shows these instead of
  /// an empty list of leaders.
  static func storeRanking(_ ranked: [RankingRow], bySquad: Bool, unitsInScope: Int, limit: Int, _ t: Words)
    -> TableModel
  {
    let c = CellText(t)
    let rows = ranked.enumerated().map { index, r in
      ModelRow(
        key: (bySquad ? "S" : "D") + r.name,
        cells: [
          TableCell("\(index + 1)"), TableCell(r.name), c.rate(r.ackRate), c.plainRate(r.finishRate),
          c.count(r.tally.assigned),
        ],
        sortKeys: [
          .number(Double(index)), .text(r.name), r.ackRate.map { .number($0) } ?? .none,
          r.finishRate.map { .number($0) } ?? .none, .number(Double(r.tally.assigned)),
        ])
    }
    let over = t(
      "\(NumberText.grouped(unitsInScope)) 个单元，超过逐人列出的上限 \(NumberText.grouped(limit))",
      "\(NumberText.grouped(unitsInScope)) units, over the \(NumberText.grouped(limit)) listed one by one")
    return TableModel(
      title: bySquad
        ? t("小组排名 · \(rows.count) 个", "Squads ranked · \(rows.count)")
        : t("部门排名 · \(rows.count) 个", "Departments ranked · \(rows.count)"),
      columns: [
        ModelColumn("#", width: 3, priority: 50),
        ModelColumn(
          bySquad ? t("小组", "Squad") : t("部门", "Department"), width: 10, alignment: .left, priority: 100),
        ModelColumn(t("按时响应", "On-time"), width: 9, priority: 90),
        ModelColumn(t("按时完成", "Done on time"), width: 9, priority: 70),
        ModelColumn(t("任务", "Assigned"), width: 8, priority: 60),
      ], rows: rows, note: bySquad ? nil : over, emptyText: t("没有任务记录", "No task recorded"))
  }
}
