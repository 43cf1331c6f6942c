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

  static func row(key: String, name: String, figures f: PlaceFigures, drillTo: Int64?, _ c: CellText)
    -> ModelRow
  {
    let rate = f.responseRate
    let bar = rate.map { Gauge(ratio: $0).bar(width: 10) } ?? ""
    return ModelRow(
      key: key,
      cells: [
        TableCell(name), c.count(f.stations), c.count(f.units), c.count(f.unitLeaders), c.rate(rate),
        TableCell(bar, style: c.rate(rate).style), c.plainRate(f.completionRate),
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

  static func make(
    scope: PlaceFigures, children: [(place: Place, figures: PlaceFigures)], childLevel: String, _ t: Words
  ) -> TableModel {
    let c = CellText(t)
    return TableModel(
      title: t("\(childLevel) · \(children.count) 个", "\(childLevel) · \(children.count)"),
      columns: columns(t),
      rows: children.map {
        row(key: "p\($0.place.id)", name: $0.place.name, figures: $0.figures, drillTo: $0.place.id, c)
      },
      totals: row(key: "total", name: t("合计", "Total"), figures: scope, drillTo: nil, c),
      emptyText: t("没有下级", "Nothing below this place"))
  }
}
