import TerminalUI
import WanggeCore
import WanggeStore

/// 空岗 in a place's overview: a column per child and the scope's figure in the strip, read from the
/// duty rollup (``DutyDesk/dutyGaps(for:at:)``) before drawing; shown once the scope has a gap.
extension DutyModel {
  /// Adds the `空岗` column when the scope (`ids[0]`) has one; returns the gaps per place read.
  static func overview(
    _ table: inout TableModel, _ desk: (any DutyDesk)?, ids: [Int64], at now: Instant, _ t: Words
  ) throws -> [Int64: Int] {
    guard let desk, let scope = ids.first else { return [:] }
    let gaps = try desk.dutyGaps(for: ids, at: now)
    guard (gaps[scope] ?? 0) > 0 else { return gaps }
    table.columns.append(ModelColumn(t("空岗", "Empty posts"), width: 6, priority: 58))
    func cell(_ n: Int?) -> TableCell {
      guard let n else { return TableCell("—") }
      return n > 0
        ? TableCell("✗ \(n)", style: StatusKind.overdue.style) : TableCell("0", style: Style(.muted))
    }
    for i in table.rows.indices {
      let n = table.rows[i].drillTo.flatMap { gaps[$0] }
      table.rows[i].cells.append(cell(n))
      table.rows[i].sortKeys.append(.number(Double(n ?? 0)))
    }
    if var totals = table.totals {
      totals.cells.append(cell(gaps[scope]))
      totals.sortKeys.append(.none)
      table.totals = totals
    }
    return gaps
  }

  /// The strip's `空岗 N` (nothing while the scope has none).
  static func strip(_ gaps: [Int64: Int], scope: Int64, _ t: Words) -> [StripFigure] {
    guard let n = gaps[scope], n > 0 else { return [] }
    return [StripFigure(t("空岗", "Empty posts"), TableCell("✗ \(n)", style: StatusKind.overdue.style))]
  }
}
