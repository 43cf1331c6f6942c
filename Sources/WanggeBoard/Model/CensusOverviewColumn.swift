import TerminalUI
import WanggeCore
import WanggeStore

/// `核实7天` in a place's overview: the share of each child's households (and the scope's, in the
/// totals) verified by the door-knocking census within the last N days, from the per-day census
/// rollup (``CensusDesk/censusShares(of:days:at:)``, O(days) per place) read before drawing. Shown only
/// once the scope has a verification in the window, so a store without a census keeps its screen.
enum CensusOverviewColumn {
  /// Below every overview column: a narrow screen drops it first.
  static let priority = 15

  /// Adds the column when the scope has a verification in the last `t.thresholds.censusDays` days;
  /// reads the scope alone first, the children only then.
  static func add(
    _ table: inout TableModel, _ desk: (any CensusDesk)?, scope: Int64, children: [Int64], at now: Instant,
    _ t: Words
  ) throws {
    guard let desk else { return }
    let days = t.thresholds.censusDays
    var shares = try desk.censusShares(of: [scope], days: days, at: now)
    guard (shares[scope]?.verified ?? 0) > 0 else { return }
    shares.merge(try desk.censusShares(of: children, days: days, at: now)) { a, _ in a }
    table.columns.append(ModelColumn(t("核实\(days)天", "Verified \(days)d"), width: 7, priority: priority))
    let c = CellText(t)
    for i in table.rows.indices {
      let rate = table.rows[i].drillTo.flatMap { shares[$0]?.rate }
      table.rows[i].cells.append(c.plainRate(rate))
      table.rows[i].sortKeys.append(rate.map { .number($0) } ?? .none)
    }
    if var totals = table.totals {
      let rate = shares[scope]?.rate
      totals.cells.append(c.plainRate(rate))
      totals.sortKeys.append(rate.map { .number($0) } ?? .none)
      table.totals = totals
    }
  }
}
