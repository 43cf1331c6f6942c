/// Rows of text cells under a header, ready for a CSV or .xlsx writer. Columns listed in
/// `numberColumns` are written to .xlsx as numbers (people counts); all others as text, so phones and
/// rooms keep their leading digits.
public struct LedgerTable: Hashable, Sendable {
  public var header: [String]
  public var rows: [[String]]
  public var numberColumns: Set<Int>
  public init(header: [String], rows: [[String]] = [], numberColumns: Set<Int> = []) {
    self.header = header
    self.rows = rows
    self.numberColumns = numberColumns
  }
}
