import TerminalUI
import WanggeCore
import WanggeStore

/// Help cases: green channel first, then the most overdue visit.
enum HelpModel {
  /// "水映花城小区 12号楼3单元": the compound apart, so the unit reads at a glance.
  static func label(_ names: [String]) -> String {
    names.count > 2 ? names[0] + " " + names.dropFirst().joined() : names.joined()
  }

  static func make(_ page: HelpCasePage, filter: HelpFilter, at now: Instant, title: String, _ t: Words)
    -> TableModel
  {
    let c = CellText(t)
    let columns = [
      ModelColumn(t("走访", "Visit"), width: 13, alignment: .left, priority: 100),
      ModelColumn(t("单元", "Unit"), width: 16, alignment: .left, priority: 90, grows: true),
      ModelColumn(t("房号", "Room"), width: 5, alignment: .left, priority: 85),
      ModelColumn(t("户主", "Head"), width: 6, alignment: .left, priority: 80),
      ModelColumn(t("情况", "Flags"), width: 10, alignment: .left, priority: 75),
      ModelColumn(t("方式", "Mode"), width: 6, alignment: .left, priority: 60),
      ModelColumn(t("需求", "Needs"), width: 8, alignment: .left, priority: 50),
      ModelColumn(t("上次走访", "Last visit"), width: 8, alignment: .left, priority: 55),
      ModelColumn(t("走访需求", "Noted"), width: 12, alignment: .left, priority: 52),
      ModelColumn(t("帮扶人", "Helper"), width: 6, alignment: .left, priority: 40),
      ModelColumn(t("电话", "Phone"), width: 11, alignment: .left, priority: 30),
    ]
    let rows = page.rows.map { r -> ModelRow in
      let due =
        r.helpCase.greenChannel
        ? TableCell("\(StatusKind.critical.glyph) " + t("绿色通道", "green"), style: StatusKind.critical.style)
        : c.visitDue(r.helpCase, at: now)
      return ModelRow(
        key: "h\(r.helpCase.householdID)",
        cells: [
          due, TableCell(Self.label(r.unitLabel)), TableCell(r.room), TableCell(r.headName),
          TableCell(c.flags(r.flags)),
          TableCell(c.mode(r.helpCase.mode)), TableCell(r.helpCase.needs.isEmpty ? "—" : r.helpCase.needs),
          VisitCells.outcome(r.lastNote, t), VisitCells.needs(r.lastNote),
          TableCell(r.helpCase.helperName), TableCell(PhoneMask.mask(r.phone)),
        ],
        sortKeys: [
          .number(Double(r.helpCase.greenChannel ? Int64.min / 2 : r.helpCase.dueAt.epochSeconds)),
          .text(Self.label(r.unitLabel)), .text(r.room), .text(r.headName), .text(c.flags(r.flags)),
          .text(c.mode(r.helpCase.mode)), .text(r.helpCase.needs),
          .text(r.lastNote?.outcome.rawValue ?? ""), .text(VisitNeed.shown(r.lastNote?.needs ?? [])), .text(r.helpCase.helperName), .none,
        ],
        drillTo: r.unitID)
    }
    var note: String?
    if page.total > page.rows.count {
      note = t(
        "显示前 \(NumberText.grouped(page.rows.count)) 户，共 \(NumberText.grouped(page.total)) 户",
        "first \(NumberText.grouped(page.rows.count)) of \(NumberText.grouped(page.total))")
    }
    var filterText: [String] = []
    for (flag, _) in VulnerabilityFlags.codes where filter.flags.contains(flag) {
      filterText.append(c.flagWord(flag))
    }
    if let mode = filter.mode { filterText.append(c.mode(mode)) }
    let fullTitle =
      title + " · \(NumberText.grouped(page.total))"
      + (filterText.isEmpty ? "" : " [\(filterText.joined(separator: " "))]")
    return TableModel(
      title: fullTitle, columns: columns, rows: rows, note: note, emptyText: t("没有帮扶对象", "No help cases"))
  }
}
