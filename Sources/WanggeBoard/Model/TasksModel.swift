import TerminalUI
import WanggeCore
import WanggeStore

/// The task view: tasks reaching this place with progress, time left, overdue counts, escalation.
enum TasksModel {
  static func escalation(_ level: EscalationLevel, _ t: Words) -> TableCell {
    let kind: StatusKind =
      switch level {
      case .unitLeader: .onTime
      case .squadLeader: .late
      case .departmentAndStation: .overdue
      case .community: .critical
      }
    return TableCell("\(kind.glyph) " + t(level.chineseName, level.englishName), style: kind.style)
  }

  /// "剩 2h05m" to the next deadline still open, or "✗ 超 1h10m", or "✔" when all is done.
  static func timeLeft(_ s: TaskSummary, at now: Instant, _ c: CellText) -> TableCell {
    let t = c.words
    if s.tally.finished == s.tally.assigned { return TableCell("✔ " + t("完成", "done"), style: Style(.good)) }
    let deadline =
      s.tally.acknowledged < s.tally.assigned && now <= s.deadlines.ack ? s.deadlines.ack : s.deadlines.finish
    return c.timeLeft(deadline.since(now).seconds)  // saturating: a stored window may be absurd
  }

  static func make(_ list: [TaskSummary], at now: Instant, _ t: Words) -> TableModel {
    let c = CellText(t)
    let columns = [
      ModelColumn("#", width: 4, priority: 70),
      ModelColumn(t("类型", "Type"), width: 4, alignment: .left, priority: 60),
      ModelColumn(t("任务", "Task"), width: 12, alignment: .left, priority: 100, grows: true),
      ModelColumn(t("响应", "Acked"), width: 13, priority: 95),
      ModelColumn(t("完成", "Done"), width: 13, priority: 85),
      ModelColumn(t("时限", "Deadline"), width: 12, priority: 90),
      ModelColumn(t("响应超时", "Ack late"), width: 8, priority: 92),
      ModelColumn(t("完成超时", "Done late"), width: 9, priority: 80),
      ModelColumn(t("升级至", "Escalated"), width: 14, alignment: .left, priority: 93),
      ModelColumn(t("提醒", "Reminded"), width: 8, priority: 50),
    ]
    let rows = list.map { s in
      let ackRate = s.tally.assigned == 0 ? nil : Double(s.tally.acknowledged) / Double(s.tally.assigned)
      let doneRate = s.tally.assigned == 0 ? nil : Double(s.tally.finished) / Double(s.tally.assigned)
      return ModelRow(
        key: "t\(s.task.id)",
        cells: [
          TableCell("\(s.task.id)"), TableCell(t(s.task.type.chineseName, s.task.type.rawValue)),
          TableCell(s.task.title),
          TableCell("\(NumberText.grouped(s.tally.acknowledged))/\(NumberText.grouped(s.tally.assigned))"),
          TableCell(
            NumberText.grouped(s.tally.finished) + " " + (doneRate.map { NumberText.percent($0) } ?? "")),
          timeLeft(s, at: now, c), c.overdue(s.acknowledgementsOverdue), c.overdue(s.finishesOverdue),
          escalation(s.escalation, t), c.count(s.reminders),
        ],
        sortKeys: [
          .number(Double(s.task.id)), .text(s.task.type.rawValue), .text(s.task.title),
          ackRate.map { .number($0) } ?? .none,
          doneRate.map { .number($0) } ?? .none, .number(Double(s.deadlines.finish.epochSeconds)),
          .number(Double(s.acknowledgementsOverdue)), .number(Double(s.finishesOverdue)),
          .number(Double(s.escalation.rawValue)), .number(Double(s.reminders)),
        ], drillTo: nil, taskID: s.task.id)
    }
    return TableModel(
      title: t("任务 · \(list.count) 项 · 近 7 天", "Tasks · \(list.count) · last 7 days"), columns: columns,
      rows: rows,
      emptyText: t("近 7 天没有任务：按 d 下发", "No task in the last 7 days: press d to dispatch"))
  }

  /// What the task detail groups by.
  static func groupName(_ d: RankingDimension, _ t: Words) -> String {
    switch d {
    case .station: t("指挥部", "Station")
    case .department: t("部门", "Department")
    case .squad: t("小组", "Squad")
    }
  }

  static func assignments(
    _ list: [AssignmentDetail], task: TaskSummary?, groupBy: RankingDimension, _ t: Words
  ) -> TableModel {
    let c = CellText(t)
    func group(_ d: AssignmentDetail) -> String {
      switch groupBy {
      case .station: d.station
      case .department: d.department
      case .squad: d.squad.map { d.department + $0 } ?? "—"
      }
    }
    let columns = [
      ModelColumn(groupName(groupBy, t), width: 12, alignment: .left, priority: 90, grows: true),
      ModelColumn(t("单元", "Unit"), width: 12, alignment: .left, priority: 100),
      ModelColumn(t("单元长", "Leader"), width: 8, alignment: .left, priority: 95),
      ModelColumn(t("状态", "State"), width: 14, alignment: .left, priority: 98),
      ModelColumn(t("迟", "Late by"), width: 8, priority: 85),
      ModelColumn(t("提醒", "Reminded"), width: 8, priority: 60),
    ]
    // Each group in natural order; in a group, what is late first, then the units in natural order.
    let sorted = list.sorted { a, b in
      let g = NaturalOrder.compare(group(a), group(b))
      if g != 0 { return g < 0 }
      if a.lateBy != b.lateBy { return a.lateBy > b.lateBy }
      let u = NaturalOrder.compare(a.unitLabel.joined(), b.unitLabel.joined())
      return u != 0 ? u < 0 : a.unitID < b.unitID
    }
    let rows = sorted.map { d in
      ModelRow(
        key: "a\(d.unitID)",
        cells: [
          TableCell(group(d)), TableCell(d.unitLabel.suffix(2).joined()), TableCell(d.leaderName),
          c.state(d.state),
          d.lateBy > 0
            ? TableCell(c.span(d.lateBy), style: Style(.warn)) : TableCell("—", style: Style(.muted)),
          c.count(d.reminders),
        ],
        sortKeys: [
          .text(group(d)), .text(d.unitLabel.joined()), .text(d.leaderName),
          .number(Double(StationModel.stateRank(d.state))),
          .number(Double(d.lateBy)), .number(Double(d.reminders)),
        ], drillTo: d.unitID)
    }
    let title = task.map { "#\($0.task.id) \($0.task.title) · " } ?? ""
    return TableModel(
      title: title + t("按\(groupName(groupBy, t))分组", "by \(groupName(groupBy, t).lowercased())"),
      columns: columns,
      rows: rows, emptyText: t("这里没有这项任务的单元", "No unit of this task here"))
  }

  static func ranking(_ rows: [RankingRow], by: RankingDimension, _ t: Words) -> TableModel {
    let c = CellText(t)
    return TableModel(
      title: groupName(by, t) + t("排名", " ranking"),
      columns: [
        ModelColumn("#", width: 3, priority: 50),
        ModelColumn(groupName(by, t), width: 10, alignment: .left, priority: 100, grows: true),
        ModelColumn(t("按时响应", "Ack on time"), width: 11, priority: 90),
        ModelColumn(t("按时完成", "Done on time"), width: 12, priority: 80),
      ],
      rows: rows.enumerated().map { i, r in
        ModelRow(
          key: "r\(by.rawValue)\(r.name)",
          cells: [TableCell("\(i + 1)"), TableCell(r.name), c.rate(r.ackRate), c.rate(r.finishRate)],
          sortKeys: [
            .number(Double(i)), .text(r.name), r.ackRate.map { .number($0) } ?? .none,
            r.finishRate.map { .number($0) } ?? .none,
          ])
      }, emptyText: "—")
  }
}
