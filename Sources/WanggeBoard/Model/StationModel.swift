import TerminalUI
import WanggeCore
import WanggeStore

/// The station panel: the compound's units with leader and task state, and its help households.
enum StationModel {
  /// `census`: households verified per unit by its current task when that is a census (核实 23/29).
  static func units(_ rows: [StationUnitRow], at now: Instant, census: [Int64: Int] = [:], _ t: Words)
    -> TableModel
  {
    let c = CellText(t)
    let columns = [
      ModelColumn(t("单元", "Unit"), width: 12, alignment: .left, priority: 100, grows: true),
      ModelColumn(t("单元长", "Leader"), width: 8, alignment: .left, priority: 90),
      ModelColumn(t("部门", "Department"), width: 10, alignment: .left, priority: 40),
      ModelColumn(t("电话", "Phone"), width: 11, alignment: .left, priority: 50),
      ModelColumn(t("任务状态", "Task"), width: 12, alignment: .left, priority: 95),
      ModelColumn(t("时限", "Deadline"), width: 10, priority: 92),
      ModelColumn(t("建群", "Group"), width: 5, alignment: .left, priority: 60),
      ModelColumn(t("对接", "Reached"), width: 7, priority: 70),
    ]
    let models = ordered(rows, at: now).map { u -> ModelRow in
      let state = u.currentTask.map { $0.assignment.state(at: now, deadlines: $0.deadlines) }
      let left = u.currentTask.map { Saturating.subtract(deadlineOf($0), now.epochSeconds) }
      let group =
        u.groupBuilt ? TableCell("✓", style: Style(.good)) : TableCell("✗", style: StatusKind.overdue.style)
      return ModelRow(
        key: "u\(u.unitID)",
        cells: [
          TableCell(u.label.joined()),
          u.leaderName.isEmpty
            ? TableCell(t("无单元长", "no leader"), style: StatusKind.overdue.style) : TableCell(u.leaderName),
          TableCell(u.department),
          TableCell(PhoneMask.mask(u.leaderPhone)),
          u.currentTask?.type == TaskType.census.rawValue
            ? CensusCells.progress(census[u.unitID] ?? 0, of: u.households, state: state, t)
            : state.map { c.state($0, secondsLeft: left) } ?? TableCell("—", style: Style(.muted)),
          u.currentTask.map { c.countdown($0, at: now) } ?? TableCell("—", style: Style(.muted)), group,
          TableCell("\(u.reached)/\(u.households)"),
        ],
        sortKeys: [
          .text(u.label.joined()), .text(u.leaderName), .text(u.department), .none,
          .number(Double(stateRank(state))),
          u.currentTask.map { .number(Double(Saturating.subtract(deadlineOf($0), now.epochSeconds))) }
            ?? .none,
          .number(u.groupBuilt ? 1 : 0),
          .number(u.households == 0 ? 0 : Double(u.reached) / Double(u.households)),
        ],
        drillTo: u.unitID)
    }
    let title = rows.first?.currentTask.map { t("单元 · 当前任务：", "Units · current task: ") + $0.title }
    return TableModel(
      title: title ?? t("单元", "Units"), columns: columns, rows: models, emptyText: t("没有单元", "No units"))
  }

  /// The default order: what needs action first (overdue, then pending, soonest deadline first), then
  /// every other unit in natural order (`2号楼` before `10号楼`).
  static func ordered(_ rows: [StationUnitRow], at now: Instant) -> [StationUnitRow] {
    func urgency(_ u: StationUnitRow) -> (Int, Int64) {
      guard let task = u.currentTask else { return (2, 0) }
      let state = task.assignment.state(at: now, deadlines: task.deadlines)
      let rank = stateRank(state)
      return rank <= 1 ? (rank, deadlineOf(task)) : (2, 0)
    }
    return rows.sorted { a, b in
      let (x, y) = (urgency(a), urgency(b))
      if x != y { return x < y }
      let n = NaturalOrder.compare(a.label.joined(), b.label.joined())
      return n != 0 ? n < 0 : a.unitID < b.unitID
    }
  }

  static func deadlineOf(_ row: TaskAssignmentRow) -> Int64 {
    (row.assignment.ackedAt == nil ? row.deadlines.ack : row.deadlines.finish).epochSeconds
  }

  /// Overdue first, then pending, late, on time, done.
  static func stateRank(_ state: AssignmentState?) -> Int {
    switch state {
    case .acknowledgementOverdue?, .finishOverdue?: 0
    case .pending?: 1
    case .acknowledgedLate?, .finishedLate?: 2
    case .acknowledgedOnTime?: 3
    case .finishedOnTime?: 4
    case nil: 5
    }
  }
}
