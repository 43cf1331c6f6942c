import TerminalUI
import WanggeCore
import WanggeStore

/// What screening and home isolation add to the board: the overview's `隔离中 · 今日待查 · 超时未查 ·
/// 今日解除` figures (only once a case exists, so a store without isolation looks as before) and the
/// task detail's `排查 1,204 户 · 返乡 37 人 · 需隔离 9 人`.
enum ScreeningModel {
  static func strip(_ f: IsolationFigures, _ t: Words) -> [StripFigure] {
    guard f.active > 0 || f.released + f.transferred + f.lost > 0 else { return [] }
    let c = CellText(t)
    return [
      StripFigure(t("隔离中", "Isolated"), c.count(Int(f.active))),
      StripFigure(t("今日待查", "Checks today"), c.count(Int(f.dueToday))),
      StripFigure(
        t("超时未查", "Checks late"),
        f.overdue > 0
          ? TableCell(
            "\(StatusKind.overdue.glyph) \(NumberText.grouped(Int(f.overdue)))",
            style: StatusKind.overdue.style)
          : TableCell("0", style: Style(.muted))),
      StripFigure(t("今日解除", "Released today"), c.count(Int(f.releasedToday))),
    ]
  }

  /// `排查 1,204 户 · 返乡 37 人 · 需隔离 9 人`, nil when the task's finishes reported nothing.
  static func line(_ s: ScreeningTotals, _ t: Words) -> String? {
    guard s != ScreeningTotals() else { return nil }
    func n(_ v: Int64) -> String { NumberText.grouped(Int(v)) }
    return t(
      "排查 \(n(s.checked)) 户 · 返乡 \(n(s.returnees)) 人 · 需隔离 \(n(s.isolate)) 人"
        + (s.problems > 0 ? " · 问题 \(n(s.problems))" : ""),
      "screened \(n(s.checked)) households · \(n(s.returnees)) back · \(n(s.isolate)) to isolate"
        + (s.problems > 0 ? " · \(n(s.problems)) problems" : ""))
  }

  /// Adds the screening line to the task detail's note.
  static func annotate(_ table: inout TableModel, _ s: ScreeningTotals, _ t: Words) {
    guard let line = line(s, t) else { return }
    table.note = table.note.map { "\(line) · \($0)" } ?? line
  }

  /// Adds `排查 · 返乡 · 隔离` to a department or squad ranking (from `screening_group_tally`), when
  /// any group's finishes reported something.
  static func annotate(ranking table: inout TableModel, _ totals: [String: ScreeningTotals], _ t: Words) {
    guard totals.values.contains(where: { $0 != ScreeningTotals() }) else { return }
    table.columns.append(ModelColumn(t("排查·返乡·隔离", "Screened·back·isolate"), width: 14, priority: 40))
    for i in table.rows.indices {
      let s = totals[table.rows[i].cells.count > 1 ? table.rows[i].cells[1].text : ""] ?? ScreeningTotals()
      func n(_ v: Int64) -> String { NumberText.grouped(Int(v)) }
      table.rows[i].cells.append(TableCell("\(n(s.checked))·\(n(s.returnees))·\(n(s.isolate))"))
      table.rows[i].sortKeys.append(.number(Double(s.checked)))
    }
  }
}
