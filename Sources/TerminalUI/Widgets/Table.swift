/// One column of a ``Table``: title, width rule and alignment.
public struct TableColumn: Sendable {
  public var title: String
  public var width: Constraint
  public var alignment: Alignment

  public init(_ title: String, width: Constraint, alignment: Alignment = .left) {
    self.title = title
    self.width = width
    self.alignment = alignment
  }
}

/// One cell of a table row: text and its style (e.g. a status role).
public struct TableCell: Sendable, ExpressibleByStringInterpolation {
  public var text: String
  public var style: Style

  public init(_ text: String, style: Style = .plain) {
    self.text = text
    self.style = style
  }
  public init(stringLiteral value: String) { self.init(value) }
}

/// Which column a table is sorted by, and in which direction (shown as ▲ or ▼ in the header).
public struct TableSort: Sendable, Hashable {
  public var column: Int
  public var ascending: Bool
  public init(column: Int, ascending: Bool) {
    self.column = column
    self.ascending = ascending
  }
}

/// A table with a header, aligned columns, a selected row and scrolling.
///
/// Rows come from a provider closure that is asked only for the visible rows, so a table of
/// 100,000 rows renders as fast as one of 20.
public struct Table {
  public var columns: [TableColumn]
  public var rowCount: Int
  public var row: (Int) -> [TableCell]
  /// The selected row index (highlighted with the `selection` role).
  public var selected: Int?
  /// The first row shown.
  public var offset: Int
  public var sort: TableSort?
  public var columnSpacing: Int
  public var showsHeader: Bool

  public init(
    columns: [TableColumn], rowCount: Int, selected: Int? = nil, offset: Int = 0, sort: TableSort? = nil,
    columnSpacing: Int = 1, showsHeader: Bool = true, row: @escaping (Int) -> [TableCell]
  ) {
    self.columns = columns
    self.rowCount = rowCount
    self.row = row
    self.selected = selected
    self.offset = offset
    self.sort = sort
    self.columnSpacing = columnSpacing
    self.showsHeader = showsHeader
  }

  /// A table over an array of rows.
  public init(
    columns: [TableColumn], rows: [[TableCell]], selected: Int? = nil, offset: Int = 0, sort: TableSort? = nil
  ) {
    self.init(columns: columns, rowCount: rows.count, selected: selected, offset: offset, sort: sort) {
      rows[$0]
    }
  }

  /// The sort indicator shown after a sorted column's title.
  public static func sortIndicator(ascending: Bool) -> String { ascending ? "▲" : "▼" }

  /// The number of data rows that fit in `height` rows.
  public func visibleRowCount(height: Int) -> Int { max(0, height - (showsHeader ? 1 : 0)) }

  /// The offset that keeps `selected` visible, moving `offset` as little as possible.
  public static func offset(keeping selected: Int, visible: Int, current: Int, rowCount: Int) -> Int {
    guard visible > 0 else { return 0 }
    var offset = current
    if selected < offset { offset = selected }
    if selected >= offset + visible { offset = selected - visible + 1 }
    return max(0, min(offset, max(0, rowCount - visible)))
  }

  /// The column rectangles' x and width for a table `width` cells wide.
  public func columnWidths(total width: Int) -> [Int] {
    Layout.lengths(total: width, constraints: columns.map(\.width), spacing: columnSpacing)
  }

  /// Draws the header and the visible rows into `area`.
  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    let widths = columnWidths(total: area.width)
    var y = area.y
    if showsHeader {
      buffer.clear(area.row(0), style: .filled(.header))
      var x = area.x
      for (index, column) in columns.enumerated() {
        var title = column.title
        if let sort, sort.column == index { title += Table.sortIndicator(ascending: sort.ascending) }
        buffer.put(
          title, in: Rect(x: x, y: y, width: widths[index], height: 1), style: .filled(.header),
          alignment: column.alignment)
        x += widths[index] + columnSpacing
      }
      y += 1
    }
    let visible = visibleRowCount(height: area.height)
    for line in 0..<visible {
      let index = offset + line
      guard index < rowCount else { break }
      let cells = row(index)
      let isSelected = index == selected
      if isSelected {
        buffer.clear(Rect(x: area.x, y: y, width: area.width, height: 1), style: .filled(.selection))
      }
      var x = area.x
      for (column, spec) in columns.enumerated() where column < cells.count {
        let cell = cells[column]
        let style = isSelected ? Style.filled(.selection, attributes: cell.style.attributes) : cell.style
        buffer.put(
          cell.text, in: Rect(x: x, y: y, width: widths[column], height: 1), style: style,
          alignment: spec.alignment)
        x += widths[column] + columnSpacing
      }
      y += 1
    }
  }
}
