import TerminalUI
import WanggeCore
import WanggeStore

/// The overview table: one row per child place with the figures `wangge report` prints, and totals.
enum OverviewModel {
  static func columns(_ t: Words) -> [ModelColumn] {
    [
      ModelColumn(t("名称", "Name"), width: 14, alignment: .left, priority: 100, grows: true),
      ModelColumn(t("指挥部", "Stns"), width: 6, priority: 30),
      ModelColumn(t("单元", "Units"), width: 7, priority: 60),
      ModelColumn(t("单元长", "Leaders"), width: 7, priority: 50),
      ModelColumn(t("按时响应", "On-time"), width: 8, priority: 95),
      ModelColumn("", width: 10, alignment: .left, priority: 20),
      ModelColumn(t("完成率", "Done"), width: 7, priority: 80),
      ModelColumn(t("响应超时", "Ack late"), width: 8, priority: 90),
      ModelColumn(t("完成超时", "Done late"), width: 9, priority: 85),
      ModelColumn(t("对接率", "Reached"), width: 7, priority: 70),
      ModelColumn(t("走访超期", "Visits"), width: 8, priority: 75),
      ModelColumn(t("绿色通道", "Green"), width: 8, priority: 88),
    ]
  }

  /// Acknowledgements still open whose deadline falls within the hour after `now`.
  static func acknowledgementsDueSoon(
    _ tasks: [TaskSummary], at now: Instant, within: Int64 = CellText.dueSoon
  ) -> Int {
    tasks.reduce(0) { sum, s in
      let left = s.deadlines.ack.since(now).seconds
      guard left >= 0, left <= within else { return sum }
      return sum + max(0, s.tally.assigned - s.tally.acknowledged)
    }
  }

  static func row(
    key: String, name: String, figures f: PlaceFigures, dueSoon: Int, drillTo: Int64?, _ c: CellText
  ) -> ModelRow {
    let rate = f.responseRate
    let bar = rate.map { Gauge(ratio: $0).bar(width: 10) } ?? ""
    let rateCell = c.rate(rate, overdue: f.acknowledgementsOverdue, dueSoon: dueSoon)
    return ModelRow(
      key: key,
      cells: [
        TableCell(name), c.count(f.stations), c.count(f.units), c.count(f.unitLeaders), rateCell,
        TableCell(bar, style: rateCell.style), c.plainRate(f.completionRate),
        c.overdue(f.acknowledgementsOverdue), c.overdue(f.finishesOverdue), c.plainRate(f.coverageRate),
        c.overdue(f.helpOverdue), c.green(f.greenChannelOpen),
      ],
      sortKeys: [
        .text(name), .number(Double(f.stations)), .number(Double(f.units)), .number(Double(f.unitLeaders)),
        rate.map { .number($0) } ?? .none, rate.map { .number($0) } ?? .none,
        f.completionRate.map { .number($0) } ?? .none, .number(Double(f.acknowledgementsOverdue)),
        .number(Double(f.finishesOverdue)), f.coverageRate.map { .number($0) } ?? .none,
        .number(Double(f.helpOverdue)), .number(Double(f.greenChannelOpen)),
      ],
      drillTo: drillTo)
  }

  /// The children in natural order of their names (`2号楼` before `10号楼`); `dueSoon` maps a child's id
  /// (and the scope's, for the totals) to its acknowledgements falling due within the hour.
  static func make(
    scope: PlaceFigures, scopeID: Int64, children: [(place: Place, figures: PlaceFigures)],
    dueSoon: [Int64: Int], childLevel: String, _ t: Words
  ) -> TableModel {
    let c = CellText(t)
    let children = children.sorted { NaturalOrder.less($0.place.name, $1.place.name) }
    return TableModel(
      title: t("\(childLevel) · \(children.count) 个", "\(childLevel) · \(children.count)"),
      columns: columns(t),
      rows: children.map {
        row(
          key: "p\($0.place.id)", name: $0.place.name, figures: $0.figures,
          dueSoon: dueSoon[$0.place.id] ?? 0,
          drillTo: $0.place.id, c)
      },
      totals: row(
        key: "total", name: t("合计", "Total"), figures: scope, dueSoon: dueSoon[scopeID] ?? 0, drillTo: nil, c),
      emptyText: scope.households == 0 && scope.units == 0
        ? t(
          "还没有台账：先导入单元长和住户台账（wangge template leaders|households 生成模板，wangge import 文件）",
          "No ledger yet: import the leaders and households ledgers (wangge template leaders|households, then wangge import FILE)"
        )
        : t("没有下级", "Nothing below this place"))
  }
}
