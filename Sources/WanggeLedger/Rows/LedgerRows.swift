import WanggeCore

/// A place row of a ledger: the path of a place to exist (trailing levels may be left empty).
public struct PlaceRow: Hashable, Sendable {
  public var path: PlacePath
  public init(path: PlacePath) { self.path = path }
}

/// One validated row of any kind of ledger.
public enum LedgerRow: Hashable, Sendable {
  case household(RegistryHousehold)
  case leader(RegistryLeader)
  case help(RegistryHelpCase)
  case place(PlaceRow)

  /// The place path the row names.
  public var path: PlacePath {
    switch self {
    case .household(let r): r.path
    case .leader(let r): r.path
    case .help(let r): r.path
    case .place(let r): r.path
    }
  }
}

/// A validated row with the spreadsheet row it came from.
public struct LedgerRecord: Hashable, Sendable {
  /// The row as the spreadsheet shows it.
  public var rowNumber: Int
  public var row: LedgerRow
  /// The cells as read (so a row the store refuses can go to an errors file as it was).
  public var cells: [String]
  public init(rowNumber: Int, row: LedgerRow, cells: [String] = []) {
    self.rowNumber = rowNumber
    self.row = row
    self.cells = cells
  }

  /// The row as read, refused for `problems` (found against the store).
  public func rejected(_ problems: [LedgerProblem]) -> RejectedRow {
    RejectedRow(raw: RawSheetRow(number: rowNumber, cells: cells), problems: problems)
  }
}
