import TerminalUI
import WanggeCore
import WanggeStore

/// The census' cells on the board: a unit's progress in its census task (核实 23/29) and a household's
/// last verification (when, by whom).
enum CensusCells {
  /// Households verified per unit by the unit's current task, for the units whose current task is a
  /// census (one read per census task shown; none without one).
  static func verified(_ rows: [StationUnitRow], _ desk: (any CensusDesk)?) throws -> [Int64: Int] {
    guard let desk else { return [:] }
    var byTask: [Int64: [Int64]] = [:]
    for u in rows {
      if let c = u.currentTask, c.type == TaskType.census.rawValue {
        byTask[c.taskID, default: []].append(u.unitID)
      }
    }
    var out: [Int64: Int] = [:]
    for (task, units) in byTask.sorted(by: { $0.key < $1.key }) {
      out.merge(try desk.censusVerified(task: task, units: units)) { a, _ in a }
    }
    return out
  }

  /// `核实 23/29`: green when every household is verified, red when the finish is overdue, else amber.
  static func progress(_ verified: Int, of households: Int, state: AssignmentState?, _ t: Words) -> TableCell
  {
    let text = t("核实", "checked") + " \(verified)/\(households)"
    if households > 0 && verified >= households { return TableCell(text, style: StatusKind.done.style) }
    if state?.isOverdue == true { return TableCell(text, style: StatusKind.overdue.style) }
    return TableCell(text, style: verified > 0 ? StatusKind.late.style : Style(.muted))
  }

  /// The household view's 核实 column.
  static func column(_ t: Words) -> ModelColumn {
    ModelColumn(t("核实", "Checked"), width: 18, alignment: .left, priority: 75)
  }

  /// `11-22 21:00 向桂晓 · 暂住`, or — when never verified.
  static func lastCheck(_ c: CensusCheck?, _ t: Words) -> TableCell {
    guard let c else { return TableCell("—", style: Style(.muted)) }
    let iso = InstantFormat.iso(c.at)  // 2026-11-22T21:00:00+08:00
    let when = String(iso.dropFirst(5).prefix(11)).replacingOccurrences(of: "T", with: " ")
    let residency = t(c.residency.chineseName, c.residency.code)
    return TableCell("\(when) \(c.by) · \(residency)")
  }
}
