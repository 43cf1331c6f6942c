/// One row of a sheet as read, before validation: its number as the spreadsheet shows it and its cells
/// as text (numbers and dates already turned into text by the reader).
public struct RawSheetRow: Hashable, Sendable {
  public var number: Int
  public var cells: [String]
  public init(number: Int, cells: [String]) {
    self.number = number
    self.cells = cells
  }

  /// True when every cell is empty or blank (such rows are skipped).
  public var isBlank: Bool { cells.allSatisfy { FastText.trimmed($0).isEmpty } }
}
