import TerminalUI
import WanggeCore
import WanggeStore

/// The overview's figures as "now (Δ since the baseline)" (the board's `b`): each rate and count
/// cell gains an arrow and its change, green when the change is good and red when it is bad.
enum BaselineDelta {
  /// The overview columns that carry a figure, and which figure.
  static let columns: [(Int, FigureChange.Figure)] = [
    (4, .responseRate), (6, .completionRate), (7, .acknowledgementsOverdue), (8, .finishesOverdue),
    (9, .coverageRate), (10, .helpOverdue), (11, .greenChannelOpen),
  ]

  /// `row` with the change of each figure column from `then` to `now` appended (`79.9% ↑0.5`).
  static func mark(_ row: ModelRow, then: PlaceFigures?, now: PlaceFigures) -> ModelRow {
    guard let then else { return row }
    var row = row
    for (col, figure) in columns where row.cells.indices.contains(col) {
      let c = FigureChange(
        figure, then: FigureChange.value(figure, then), now: FigureChange.value(figure, now))
      guard !c.arrowText.isEmpty else { continue }
      let style: Style =
        switch c.verdict {
        case .better: Style(.good)
        case .worse: Style(.bad)
        case .same: row.cells[col].style
        }
      row.cells[col] = TableCell(row.cells[col].text + " " + c.arrowText, style: style)
    }
    return row
  }

  /// The overview table with every row marked against `kept` (by place id; the totals by `scopeID`).
  static func mark(
    _ table: TableModel, kept: [Int64: PlaceFigures], children: [(place: Place, figures: PlaceFigures)],
    scope: PlaceFigures, scopeID: Int64, baseline: Baseline, _ t: Words
  ) -> TableModel {
    var table = table
    let now = Dictionary(
      uniqueKeysWithValues: children.map { ("p\($0.place.id)", ($0.place.id, $0.figures)) })
    table.rows = table.rows.map { r in
      guard let (id, f) = now[r.key] else { return r }
      return mark(r, then: kept[id], now: f)
    }
    if let totals = table.totals { table.totals = mark(totals, then: kept[scopeID], now: scope) }
    table.title += t(
      " · Δ较「\(baseline.name)」\(InstantFormat.short(baseline.at))",
      " · Δ since \(baseline.name) \(InstantFormat.short(baseline.at))")
    return table
  }
}
