import TerminalUI
import WanggeCore
import WanggeStore

/// The households of one unit: reachability, flags, help, masked phones.
enum UnitModel {
  /// `checks`: each household's last census verification; with any, a 核实 column shows when and by whom.
  static func make(
    _ households: [HouseholdRow], at now: Instant, checks: [Int64: CensusCheck] = [:], _ t: Words
  ) -> TableModel {
    let c = CellText(t)
    var columns = [
      ModelColumn(t("房号", "Room"), width: 5, alignment: .left, priority: 100),
      ModelColumn(t("户主", "Head"), width: 8, alignment: .left, priority: 95, grows: true),
      ModelColumn(t("人数", "People"), width: 6, priority: 60),
      ModelColumn(t("电话", "Phone"), width: 11, alignment: .left, priority: 70),
      ModelColumn(t("对接", "Reached"), width: 9, alignment: .left, priority: 90),
      ModelColumn(t("情况", "Flags"), width: 12, alignment: .left, priority: 85),
      ModelColumn(t("帮扶", "Help"), width: 14, alignment: .left, priority: 80),
    ]
    if !checks.isEmpty { columns.append(CensusCells.column(t)) }
    let ordered = households.sorted { NaturalOrder.less($0.household.room, $1.household.room) }
    let rows = ordered.map { r in
      let h = r.household
      var help = TableCell("—", style: Style(.muted))
      if let hc = r.helpCase {
        help =
          hc.greenChannel
          ? TableCell("\(StatusKind.critical.glyph) " + t("绿色通道", "green"), style: StatusKind.critical.style)
          : {
            var cell = c.visitDue(hc, at: now)
            cell.text = c.mode(hc.mode) + " " + cell.text
            return cell
          }()
      }
      var row = ModelRow(
        key: "hh\(h.id)",
        cells: [
          TableCell(h.room), TableCell(h.headName), c.count(h.size), TableCell(PhoneMask.mask(h.phone)),
          c.reach(h.reach),
          TableCell(c.flags(h.flags)), help,
        ],
        sortKeys: [
          .text(h.room), .text(h.headName), .number(Double(h.size)), .none, .number(Double(h.reach.rawValue)),
          .number(Double(h.flags.rawValue)),
          r.helpCase.map { .number(Double($0.dueAt.epochSeconds)) } ?? .none,
        ])
      if !checks.isEmpty {
        row.cells.append(CensusCells.lastCheck(checks[h.id], t))
        row.sortKeys.append(checks[h.id].map { .number(Double($0.at.epochSeconds)) } ?? .none)
      }
      return row
    }
    let reached = households.filter { $0.household.reach.isReached }.count
    return TableModel(
      title: t(
        "住户 · \(households.count) 户 · 已对接 \(reached)", "Households · \(households.count) · reached \(reached)"
      ),
      columns: columns, rows: rows, emptyText: t("没有住户", "No households"))
  }
}
