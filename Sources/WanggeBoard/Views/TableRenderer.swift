import TerminalUI

/// Draws a `TableModel` in a box: fitted columns, selection, scrolling, pinned totals, change marks.
struct TableRenderer {
  var model: TableModel
  var rows: [ModelRow]
  var selected: Int?
  var offset: Int
  var sort: TableSort?
  var marks: ChangeMarks
  var tick: Double
  var focused: Bool
  /// Said when a filter leaves no row of a non-empty table (e.g. "没有匹配"); nil: the model's empty text.
  var noMatchText: String? = nil

  /// Draws into `area`; returns the scroll offset used (to keep the selection visible).
  @discardableResult
  func render(in area: Rect, buffer: inout Buffer) -> Int {
    // The position ("16/53") of the selection, or the row count when nothing is selected, on every list.
    let position =
      rows.isEmpty
      ? "" : selected.map { " · \(min($0, rows.count - 1) + 1)/\(rows.count)" } ?? ""
    let title = model.title + (model.note.map { " · " + $0 } ?? "") + position
    let inside = Box(title: title, borderStyle: Style(focused ? .accent : .border)).render(
      in: area, buffer: &buffer)
    guard !inside.isEmpty else { return offset }
    // Widths follow content (names capped); what is left over is spread over every kept column.
    let fitted = model.fittedToContent(rows, sorted: sort?.column)
    let kept = fitted.fittedColumns(width: inside.width, keeping: sort?.column)
    let columns = kept.map { index -> TableColumn in
      let c = fitted.columns[index]
      return TableColumn(c.title, width: .min(c.width), alignment: c.alignment)
    }
    let totalsHeight = model.totals == nil ? 0 : 1
    let tableArea = Rect(x: inside.x, y: inside.y, width: inside.width, height: inside.height - totalsHeight)
    let visible = max(1, tableArea.height - 1)
    let offset = Table.offset(keeping: selected ?? 0, visible: visible, current: offset, rowCount: rows.count)
    let keptSort = sort.flatMap { s in
      kept.firstIndex(of: s.column).map { TableSort(column: $0, ascending: s.ascending) }
    }
    let table = Table(
      columns: columns, rowCount: rows.count, selected: selected, offset: offset, sort: keptSort
    ) { index in
      self.cells(self.rows[index], kept: kept)
    }
    table.render(in: tableArea, buffer: &buffer)
    if rows.isEmpty, tableArea.height > 1 {
      let text = !model.rows.isEmpty ? (noMatchText ?? model.emptyText) : model.emptyText
      buffer.put(text, in: tableArea.row(1).inset(horizontal: 1, vertical: 0), style: Style(.muted))
    }
    if let totals = model.totals, inside.height > 1 {
      let totalsTable = Table(columns: columns, rowCount: 1, showsHeader: false) { _ in
        self.cells(totals, kept: kept).map { TableCell($0.text, style: $0.style.adding(.bold)) }
      }
      totalsTable.render(in: inside.row(inside.height - 1), buffer: &buffer)
    }
    return offset
  }

  func cells(_ row: ModelRow, kept: [Int]) -> [TableCell] {
    let changed = marks.columns(of: row.key, now: tick)
    return kept.map { index in
      var cell = row.cells.indices.contains(index) ? row.cells[index] : TableCell("")
      if changed.contains(index) { cell.style = Style(.highlight, attributes: .bold) }
      return cell
    }
  }
}
