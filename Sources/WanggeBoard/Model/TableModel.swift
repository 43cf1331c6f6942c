import TerminalUI

/// A value a table can be sorted by; text sorts in natural order (`2号楼` before `10号楼`).
public enum SortKey: Sendable, Comparable {
  case number(Double)
  case text(String)
  /// Sorts after every number and text (e.g. a rate with nothing assigned).
  case none

  public static func < (a: SortKey, b: SortKey) -> Bool {
    switch (a, b) {
    case (.number(let x), .number(let y)): x < y
    case (.text(let x), .text(let y)): NaturalOrder.less(x, y)
    case (.number, .text), (.number, .none), (.text, .none): true
    default: false
    }
  }
}

/// One column of a board table: title, alignment, width, and how important it is when space is short.
public struct ModelColumn: Sendable {
  public var title: String
  public var width: Int
  public var alignment: Alignment
  /// Higher stays longer; the first column (the name) should be highest.
  public var priority: Int
  /// Whether this column takes the space left over.
  public var grows: Bool
  public init(_ title: String, width: Int, alignment: Alignment = .right, priority: Int, grows: Bool = false)
  {
    self.title = title
    self.width = width
    self.alignment = alignment
    self.priority = priority
    self.grows = grows
  }
}

/// One row of a board table with a stable key (for change marks), sort keys and a drill target.
public struct ModelRow: Sendable {
  public var key: String
  public var cells: [TableCell]
  public var sortKeys: [SortKey]
  /// The place Enter opens from this row, if any.
  public var drillTo: Int64?
  /// The task this row stands for (task view), if any.
  public var taskID: Int64?
  public init(
    key: String, cells: [TableCell], sortKeys: [SortKey], drillTo: Int64? = nil, taskID: Int64? = nil
  ) {
    self.key = key
    self.cells = cells
    self.sortKeys = sortKeys
    self.drillTo = drillTo
    self.taskID = taskID
  }
  /// Whether a cell of the row marks something to act on: overdue (`✗`), due soon or late (`!`), or
  /// critical (`‼`), as `!` keeps.
  public var needsAction: Bool {
    cells.contains { $0.text.hasPrefix("✗") || $0.text.hasPrefix("!") || $0.text.hasPrefix("‼") }
  }
  /// The text a `/` filter searches.
  public var searchText: String { cells.map(\.text).joined(separator: " ") }
}

/// A table the board shows: columns, rows, an optional totals row, and a note when rows were cut.
public struct TableModel: Sendable {
  public var title: String
  public var columns: [ModelColumn]
  public var rows: [ModelRow]
  public var totals: ModelRow?
  /// E.g. "showing 500 of 51,203".
  public var note: String?
  public var emptyText: String
  public init(
    title: String, columns: [ModelColumn], rows: [ModelRow], totals: ModelRow? = nil, note: String? = nil,
    emptyText: String = ""
  ) {
    self.title = title
    self.columns = columns
    self.rows = rows
    self.totals = totals
    self.note = note
    self.emptyText = emptyText
  }

  /// The columns that fit in `width` (dropping the least important first), in their original order.
  /// `keeping` (the sorted column) is never dropped, so its sort mark stays on screen.
  public func fittedColumns(width: Int, keeping: Int? = nil) -> [Int] {
    var kept = Array(columns.indices)
    func needed(_ set: [Int]) -> Int { set.reduce(0) { $0 + columns[$1].width } + max(0, set.count - 1) }
    while needed(kept) > width, kept.count > 1 {
      let droppable = kept.filter { $0 != keeping }
      guard let drop = droppable.min(by: { columns[$0].priority < columns[$1].priority }) else { break }
      kept.removeAll { $0 == drop }
    }
    return kept
  }

  /// The columns `s` cycles through: those whose sort keys differ between rows (a constant column
  /// orders nothing), each once (a column keyed exactly like an earlier one is left out).
  public var sortableColumns: [Int] {
    var seen: [[SortKey]] = []
    var out: [Int] = []
    for index in columns.indices {
      let keys = rows.map { $0.sortKeys.indices.contains(index) ? $0.sortKeys[index] : .none }
      guard let first = keys.first, keys.contains(where: { $0 != first }), !seen.contains(keys) else {
        continue
      }
      seen.append(keys)
      out.append(index)
    }
    return out
  }

  /// Rows matching `filter` (case-insensitive substring of the row's text, or of the pinyin initials of
  /// any of its cells: `zxp` finds 曾晓平 in the leader column), sorted by `sort`.
  public func visibleRows(filter: String, sort: TableSort?) -> [ModelRow] {
    var out = rows
    let needle = filter.lowercased()
    if !needle.isEmpty {
      out = out.filter { row in
        row.searchText.lowercased().contains(needle)
          || row.cells.contains { PinyinText.initials($0.text).contains(needle) }
      }
    }
    if let sort, columns.indices.contains(sort.column) {
      out = out.enumerated().sorted { a, b in
        let ka = a.element.sortKeys.indices.contains(sort.column) ? a.element.sortKeys[sort.column] : .none
        let kb = b.element.sortKeys.indices.contains(sort.column) ? b.element.sortKeys[sort.column] : .none
        if ka == kb { return a.offset < b.offset }
        if ka == .none { return false }
        if kb == .none { return true }
        return sort.ascending ? ka < kb : ka > kb
      }.map(\.element)
    }
    return out
  }
}
