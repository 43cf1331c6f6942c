import TerminalUI
import WanggeCore
import WanggeStore

/// The `工单` view: orders of the place, open first by deadline (the overdue first), with countdowns;
/// then those closed in the last day. And the `志愿者` view, and the header's green-channel alert.
enum OrdersModel {
  static func make(_ rows: [OrderRow], figures f: OrderFigures, at now: Instant, _ t: Words) -> TableModel {
    let c = CellText(t)
    let columns = [
      ModelColumn(t("工单", "Order"), width: 10, alignment: .left, priority: 60),
      ModelColumn(t("类型", "Kind"), width: 8, alignment: .left, priority: 90),
      ModelColumn(t("室", "Room"), width: 5, alignment: .left, priority: 80),
      ModelColumn(t("内容", "Items"), width: 10, alignment: .left, priority: 70, grows: true),
      ModelColumn(t("状态", "State"), width: 6, alignment: .left, priority: 100),
      ModelColumn(t("领单人", "Volunteer"), width: 8, alignment: .left, priority: 85),
      ModelColumn(t("时限", "Due"), width: 12, priority: 95),
      ModelColumn(t("升级至", "Escalated"), width: 8, alignment: .left, priority: 75),
    ]
    let list = rows.map { r -> ModelRow in
      let o = r.order
      let due: TableCell =
        switch o.state {
        case .closed:
          TableCell("✔ " + t(o.outcome?.chineseName ?? "", o.outcome?.rawValue ?? ""), style: Style(.good))
        default: c.timeLeft(o.activeDeadline!.since(now).seconds)
        }
      let level = o.escalation(at: now)
      let kind: StatusKind = level == .community ? .critical : level == .station ? .overdue : .onTime
      return ModelRow(
        key: "o\(o.id)",
        cells: [
          TableCell(o.id), TableCell(t(o.kind.chineseName, o.kind.rawValue)), TableCell(r.room),
          TableCell(o.items),
          TableCell(t(o.state.chineseName, o.state.rawValue)), TableCell(o.claimedBy ?? "—"), due,
          o.state == .closed
            ? TableCell("")
            : TableCell("\(kind.glyph) " + t(level.chineseName, level.code), style: kind.style),
        ],
        sortKeys: [
          .text(o.id), .text(o.kind.rawValue), .text(r.room), .text(o.items), .text(o.state.rawValue),
          .text(o.claimedBy ?? ""), .number(Double(o.activeDeadline?.epochSeconds ?? Int64.max / 2)),
          .number(Double(level.rawValue)),
        ])
    }
    let median = f.medianClose.map { DurationText.format($0) } ?? "—"
    return TableModel(
      title: t(
        "工单 · 未结 \(f.open) · 待领 \(f.unclaimed) · 超时 \(f.overdue) · 今日已结 \(f.closedToday) · 结单中位 \(median)",
        "Orders · open \(f.open) · unclaimed \(f.unclaimed) · overdue \(f.overdue) · closed today \(f.closedToday) · median \(median)"
      ), columns: columns, rows: list,
      emptyText: t("没有工单：在帮扶或住户视图按 o 开单", "No orders: press o in the help or households view"))
  }

  static func volunteers(_ rows: [VolunteerRow], figures f: VolunteerFigures, at now: Instant, _ t: Words)
    -> TableModel
  {
    let columns = [
      ModelColumn(t("姓名", "Name"), width: 6, alignment: .left, priority: 100),
      ModelColumn(t("身份", "Role"), width: 4, alignment: .left, priority: 90),
      ModelColumn(t("队伍", "Team"), width: 10, alignment: .left, priority: 70),
      ModelColumn(t("报到单位", "Unit"), width: 10, alignment: .left, priority: 60, grows: true),
      ModelColumn(t("岗位", "Posts"), width: 10, alignment: .left, priority: 50, grows: true),
      ModelColumn(t("在岗", "On post"), width: 4, alignment: .left, priority: 85),
      ModelColumn(t("在手工单", "In hand"), width: 8, priority: 95),
    ]
    let list = rows.map { r -> ModelRow in
      let v = r.volunteer
      let on = v.isOnPost(at: now)
      return ModelRow(
        key: "v\(v.id)",
        cells: [
          TableCell(v.name), TableCell(v.isPartyMember ? t("党员", "party") : t("群众", "public")),
          TableCell(v.team),
          TableCell(v.homeUnit), TableCell(v.posts.joined(separator: "、")),
          TableCell(on ? "✔" : (v.reportedAt == nil ? t("未报到", "—") : "")), TableCell("\(r.ordersInHand)"),
        ],
        sortKeys: [
          .text(v.name), .number(v.isPartyMember ? 0 : 1), .text(v.team), .text(v.homeUnit),
          .text(v.posts.joined()), .number(on ? 0 : 1), .number(Double(r.ordersInHand)),
        ])
    }
    // The title's figures are the place's rollups (the whole scope, not this page).
    return TableModel(
      title: t(
        "志愿者 · \(f.volunteers) 人 · 已报到 \(f.reported) · 今日在岗 \(f.onPostToday) · 在手工单 \(f.inHand)",
        "Volunteers · \(f.volunteers) · reported \(f.reported) · on post today \(f.onPostToday) · orders in hand \(f.inHand)"
      ),
      columns: columns, rows: list, emptyText: t("这里没有报到的志愿者", "No volunteers reported here"))
  }

  /// `‼ 绿色通道 2 · 最久 47 分` while some green channel under the place is untaken (nil otherwise).
  static func greenAlert(_ f: OrderFigures, at now: Instant, _ t: Words) -> String? {
    guard f.greenUntaken > 0 else { return nil }
    let minutes = f.greenOldest.map { max(0, now.since($0).seconds / 60) } ?? 0
    return t(
      "‼ 绿色通道 \(f.greenUntaken) · 最久 \(minutes) 分",
      "‼ green channel \(f.greenUntaken) · oldest \(minutes) min")
  }

  /// Adds `工单 待领 · 超时` to the overview's rows (children keyed `p<id>`).
  static func addOverviewColumn(_ table: inout TableModel, _ figures: [Int64: OrderFigures], _ t: Words) {
    table.columns.append(ModelColumn(t("工单 待领·超时", "Orders open·late"), width: 14, priority: 55))
    func cell(_ f: OrderFigures?) -> TableCell {
      guard let f else { return TableCell("—") }
      return TableCell(
        "\(f.unclaimed) · \(f.overdue)", style: f.overdue > 0 ? StatusKind.overdue.style : .plain)
    }
    for i in table.rows.indices {
      let f = table.rows[i].drillTo.flatMap { figures[$0] }
      table.rows[i].cells.append(cell(f))
      table.rows[i].sortKeys.append(.number(Double(f?.overdue ?? 0)))
    }
    if var totals = table.totals {
      totals.cells.append(TableCell(""))
      totals.sortKeys.append(.none)
      table.totals = totals
    }
  }
}
