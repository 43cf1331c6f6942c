import Foundation
import TerminalUI
import WanggeCore
import WanggeStore

/// One headline figure of the overview's strip, e.g. "按时响应 ✗ 79.4%".
public struct StripFigure: Sendable {
  public var label: String
  public var value: TableCell
  public init(_ label: String, _ value: TableCell) {
    self.label = label
    self.value = value
  }
}

/// The overview as a command board: the headline strip, the action queue and the tasks in flight.
enum CommandBoardModel {
  /// The scope's headline figures, most important first (the strip drops from the end when short).
  /// With `live` (looking back with `[`), the rates and overdue counts also say their change since
  /// then: `Δ` = now − then (`80.1% (Δ +2.3)`: 2.3 points higher now).
  static func strip(
    _ f: PlaceFigures, dueSoon: Int, queue: ActionQueue, inFlight: Int, live: PlaceFigures? = nil, _ t: Words
  ) -> [StripFigure] {
    let c = CellText(t)
    func delta(_ cell: TableCell, _ then: Double?, _ now: Double?) -> TableCell {
      guard live != nil, let then, let now else { return cell }
      let points = ((now - then) * 1000).rounded() / 10
      let sign = points > 0 ? "+" : points < 0 ? "−" : "±"
      return TableCell(cell.text + " (Δ \(sign)\(String(format: "%.1f", abs(points))))", style: cell.style)
    }
    func delta(_ cell: TableCell, _ then: Int, _ now: Int?) -> TableCell {
      guard let now else { return cell }
      let d = now - then
      return TableCell(cell.text + " (Δ \(d > 0 ? "+" : d < 0 ? "−" : "±")\(abs(d)))", style: cell.style)
    }
    return [
      StripFigure(
        t("按时响应", "On-time"),
        delta(
          c.rate(f.responseRate, overdue: f.acknowledgementsOverdue, dueSoon: dueSoon), f.responseRate,
          live?.responseRate)),
      StripFigure(
        t("响应超时", "Ack late"),
        delta(c.overdue(f.acknowledgementsOverdue), f.acknowledgementsOverdue, live?.acknowledgementsOverdue)),
      StripFigure(
        t("完成超时", "Done late"), delta(c.overdue(f.finishesOverdue), f.finishesOverdue, live?.finishesOverdue)),
      StripFigure(t("绿色通道", "Green"), c.green(f.greenChannelOpen)),
      StripFigure(
        t("走访超期", "Visits late"), delta(c.overdue(f.helpOverdue), f.helpOverdue, live?.helpOverdue)),
      StripFigure(
        t.thresholds.amberWithin == 3600
          ? t("一小时内到期", "Due within 1 h") : t("\(t.dueWindow)到期", "Due \(t.dueWindow)"),
        dueSoon == 0
          ? TableCell("0", style: Style(.muted))
          : TableCell("\(StatusKind.late.glyph) \(NumberText.grouped(dueSoon))", style: Style(.warn))),
      StripFigure(t("进行中任务", "Tasks running"), c.count(inFlight)),
      StripFigure(
        t("完成率", "Done"), delta(c.plainRate(f.completionRate), f.completionRate, live?.completionRate)),
      StripFigure(
        t("对接率", "Reached"), delta(c.plainRate(f.coverageRate), f.coverageRate, live?.coverageRate)),
      StripFigure(t("单元", "Units"), c.count(f.units)),
    ]
  }

  static func kindCell(_ kind: ActionItem.Kind, _ t: Words) -> TableCell {
    let (status, zh, en): (StatusKind, String, String) =
      switch kind {
      case .greenChannel: (.critical, "绿色通道", "green channel")
      case .ackOverdue: (.overdue, "响应超时", "ack overdue")
      case .finishOverdue: (.overdue, "完成超时", "done overdue")
      case .visitOverdue: (.overdue, "走访超期", "visit late")
      case .ackDueSoon: (.late, "响应将到期", "ack due")
      case .finishDueSoon: (.late, "完成将到期", "done due")
      }
    return TableCell("\(status.glyph) " + t(zh, en), style: status.style)
  }

  /// The action queue as a table: Enter opens the unit (or the task, for a deadline), `r` reminds its task.
  static func queue(_ q: ActionQueue, _ t: Words) -> TableModel {
    let c = CellText(t)
    let columns = [
      ModelColumn(
        t("事项", "Action"), width: t("响应将到期", "").isEmpty ? 14 : 12, alignment: .left, priority: 100),
      ModelColumn(t("时间", "When"), width: 13, priority: 98),
      ModelColumn(t("单元", "Unit"), width: 16, alignment: .left, priority: 96, grows: true),
      ModelColumn(t("负责人", "Who"), width: 8, alignment: .left, priority: 94),
      ModelColumn(t("电话", "Phone"), width: 13, alignment: .left, priority: 60),
      ModelColumn(t("小组", "Squad"), width: 8, alignment: .left, priority: 50),
      ModelColumn(t("任务/需求", "Task/needs"), width: 12, alignment: .left, priority: 70),
    ]
    let rows = q.items.map { i in
      let when: TableCell =
        switch i.kind {
        case .greenChannel: TableCell("‼ " + t("立即", "now"), style: StatusKind.critical.style)
        case .ackOverdue, .finishOverdue, .visitOverdue: c.timeLeft(-max(1, i.seconds))
        case .ackDueSoon, .finishDueSoon: c.timeLeft(i.seconds)
        }
      let unit =
        i.unitID == nil
        ? t(
          "\(i.label.last ?? "") \(NumberText.grouped(i.count)) 个单元未完成",
          "\(i.label.last ?? ""): \(NumberText.grouped(i.count)) units open")
        : i.label.joined(separator: " ")
      return ModelRow(
        key: "a\(i.kind.rawValue)/\(i.unitID ?? 0)/\(i.taskID ?? 0)/\(i.label.last ?? "")",
        cells: [
          kindCell(i.kind, t), when, TableCell(unit), TableCell(i.person),
          TableCell(i.phone.isEmpty ? "" : PhoneMask.mask(i.phone)), TableCell(i.squad ?? ""),
          TableCell((i.taskID.map { "#\($0) " } ?? "") + i.title),
        ],
        sortKeys: [
          .number(Double(i.kind.rawValue)), .number(Double(i.kind.isOverdue ? -i.seconds : i.seconds)),
          .text(unit), .text(i.person), .none, .text(i.squad ?? ""), .number(Double(i.taskID ?? 0)),
        ],
        drillTo: i.unitID, taskID: i.taskID)
    }
    let shown = q.items.count
    var title = t("待办 · \(shown) 项", "Needs action · \(shown)")
    if q.overdueAssignments > q.items.filter({ $0.kind == .ackOverdue || $0.kind == .finishOverdue }).count {
      title += t(
        " · 超时共 \(NumberText.grouped(q.overdueAssignments)) 个",
        " · \(NumberText.grouped(q.overdueAssignments)) overdue in all")
    }
    return TableModel(
      title: title, columns: columns, rows: rows,
      emptyText: t("✓ 现在没有需要处理的事项", "✓ Nothing needs action now"))
  }

  /// Tasks still running (not all finished, finish deadline not passed), with both countdowns.
  static func inFlight(_ tasks: [TaskSummary], at now: Instant, _ t: Words) -> TableModel {
    let c = CellText(t)
    let running = tasks.filter { $0.tally.finished < $0.tally.assigned && now <= $0.deadlines.finish }
    let columns = [
      ModelColumn("#", width: 4, priority: 60),
      ModelColumn(t("任务", "Task"), width: 10, alignment: .left, priority: 100, grows: true),
      ModelColumn(t("响应", "Acked"), width: 11, priority: 95),
      ModelColumn(t("响应时限", "Ack due"), width: 11, priority: 90),
      ModelColumn(t("完成", "Done"), width: 11, priority: 85),
      ModelColumn(t("完成时限", "Done due"), width: 11, priority: 88),
    ]
    let rows = running.map { s in
      let ackLeft = s.deadlines.ack.since(now).seconds
      let ackCell =
        s.tally.acknowledged >= s.tally.assigned
        ? TableCell("✓", style: Style(.good))
        : ackLeft < 0 && s.acknowledgementsOverdue == 0
          ? TableCell("—", style: Style(.muted)) : c.timeLeft(ackLeft)
      return ModelRow(
        key: "f\(s.task.id)",
        cells: [
          TableCell("\(s.task.id)"), TableCell(s.task.title),
          TableCell("\(NumberText.grouped(s.tally.acknowledged))/\(NumberText.grouped(s.tally.assigned))"),
          ackCell,
          TableCell("\(NumberText.grouped(s.tally.finished))/\(NumberText.grouped(s.tally.assigned))"),
          c.timeLeft(s.deadlines.finish.since(now).seconds),
        ],
        sortKeys: [
          .number(Double(s.task.id)), .text(s.task.title), .number(Double(s.tally.acknowledged)),
          .number(Double(s.deadlines.ack.epochSeconds)), .number(Double(s.tally.finished)),
          .number(Double(s.deadlines.finish.epochSeconds)),
        ],
        taskID: s.task.id)
    }
    return TableModel(
      title: t("进行中任务 · \(running.count) 项", "Tasks in flight · \(running.count)"), columns: columns,
      rows: rows, emptyText: t("没有进行中的任务：按 d 下发", "No task running: press d to dispatch"))
  }
}
