import TerminalUI

extension TableModel {
  /// The widest a column grows to fit its content; longer cells are cut with `…`.
  public static let contentCap = 24
  /// Rows measured at most (the first ones; a list of 20,000 leaders is not measured cell by cell).
  public static let measuredRows = 1_000

  /// The model with each column as wide as its content: its title (with room for the sort mark
  /// when `sorted` is that column) and its widest cell among the first ``measuredRows`` of `rows`
  /// and the totals, capped at ``contentCap`` (a title is never cut below its own width).
  public func fittedToContent(_ rows: [ModelRow], sorted: Int?) -> TableModel {
    var out = self
    let measured = rows.prefix(Self.measuredRows) + (totals.map { [$0] } ?? [])
    for (index, column) in columns.enumerated() {
      let title = DisplayWidth.of(column.title) + (sorted == index ? 1 : 0)
      var widest = 0
      for row in measured where row.cells.indices.contains(index) {
        widest = max(widest, DisplayWidth.of(row.cells[index].text))
        if widest >= Self.contentCap { break }
      }
      out.columns[index].width = max(title, min(widest, Self.contentCap))
    }
    return out
  }
}
