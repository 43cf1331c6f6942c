import TerminalUI
import WanggeCore
import WanggeStore

/// Unit leaders with on-time rate and overdue now, and rankings of their departments and squads.
enum LeadersModel {
  static func make(_ page: LeaderPage, _ t: Words) -> TableModel {
    let c = CellText(t)
    let columns = [
      ModelColumn(t("单元长", "Leader"), width: 8, alignment: .left, priority: 100),
      ModelColumn(t("部门", "Department"), width: 12, alignment: .left, priority: 80, grows: true),
      ModelColumn(t("小组", "Squad"), width: 12, alignment: .left, priority: 50),
      ModelColumn(t("单元", "Units"), width: 5, priority: 40),
      ModelColumn(t("任务", "Assigned"), width: 8, priority: 45),
      ModelColumn(t("按时响应", "On-time"), width: 9, priority: 95),
      ModelColumn(t("当前超时", "Overdue"), width: 8, priority: 90),
    ]
    let rows = page.rows.sorted { NaturalOrder.less($0.name, $1.name) }.map { l in
      ModelRow(
        key: "l\(l.leaderID)",
        cells: [
          TableCell(l.name), TableCell(l.department), TableCell(l.squad ?? "—"), c.count(l.units),
          c.count(l.tally.assigned), c.rate(l.onTimeRate), c.overdue(l.overdueNow),
        ],
        sortKeys: [
          .text(l.name), .text(l.department), .text(l.squad ?? ""), .number(Double(l.units)),
          .number(Double(l.tally.assigned)), l.onTimeRate.map { .number($0) } ?? .none,
          .number(Double(l.overdueNow)),
        ], drillTo: l.unitID)
    }
    let empty =
      page.isTooLarge
      ? t(
        "本范围有 \(NumberText.grouped(page.unitsInScope)) 个单元，超过逐人列出的上限 \(NumberText.grouped(page.limit))：请进入下一级",
        "\(NumberText.grouped(page.unitsInScope)) units here, more than \(NumberText.grouped(page.limit)) to list one by one: drill down first"
      )
      : t("没有单元长", "No unit leaders")
    return TableModel(
      title: t(
        "单元长 · \(NumberText.grouped(rows.count)) 人", "Unit leaders · \(NumberText.grouped(rows.count))"),
      columns: columns, rows: rows,
      emptyText: empty)
  }

  /// Departments (or squads) ranked by on-time acknowledgement, best first.
  static func ranking(_ page: LeaderPage, bySquad: Bool, _ t: Words) -> TableModel {
    let c = CellText(t)
    var groups: [String: (TaskTally, Int)] = [:]
    for l in page.rows {
      let key = bySquad ? l.squad.map { l.department + $0 } ?? "" : l.department
      guard !key.isEmpty else { continue }
      var entry = groups[key] ?? (TaskTally(), 0)
      entry.0.add(l.tally)
      entry.1 += l.overdueNow
      groups[key] = entry
    }
    let ranked = groups.map { (name: $0.key, tally: $0.value.0, overdue: $0.value.1) }.sorted {
      let a = rate($0.tally) ?? -1
      let b = rate($1.tally) ?? -1
      return a != b ? a > b : NaturalOrder.less($0.name, $1.name)
    }
    let rows = ranked.enumerated().map { index, g in
      ModelRow(
        key: (bySquad ? "s" : "d") + g.name,
        cells: [TableCell("\(index + 1)"), TableCell(g.name), c.rate(rate(g.tally)), c.overdue(g.overdue)],
        sortKeys: [
          .number(Double(index)), .text(g.name), rate(g.tally).map { .number($0) } ?? .none,
          .number(Double(g.overdue)),
        ])
    }
    return TableModel(
      title: bySquad ? t("小组排名", "Squads ranked") : t("部门排名", "Departments ranked"),
      columns: [
        ModelColumn("#", width: 3, priority: 50),
        ModelColumn(
          bySquad ? t("小组", "Squad") : t("部门", "Department"), width: 10, alignment: .left, priority: 100,
          grows: true),
        ModelColumn(t("按时响应", "On-time"), width: 9, priority: 90),
        ModelColumn(t("超时", "Overdue"), width: 7, priority: 80),
      ], rows: rows, emptyText: "—")
  }

  static func rate(_ tally: TaskTally) -> Double? {
    tally.assigned == 0 ? nil : Double(tally.acknowledgedOnTime) / Double(tally.assigned)
  }
}
