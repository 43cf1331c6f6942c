import WanggeCore

/// The bounds on every value a ledger brings in (the ledger's part of `InputBounds`).
public enum LedgerBounds {
  /// People in one household: 0 (a vacant flat) to 50.
  public static let people = 0...50
  /// The longest name (place, person, department, squad), in characters.
  public static let maxNameCharacters = 64
  /// The longest room label, in characters.
  public static let maxRoomCharacters = 16
  /// The longest needs or home text, in characters.
  public static let maxTextCharacters = 500
  /// The shortest visit cadence: 1 hour.
  public static let minCadence = Span.hours(1)
  /// The longest visit cadence: 30 days.
  public static let maxCadence = Span.days(30)
  /// The most cells in one row.
  public static let maxCells = 200
  /// The largest CSV record, in bytes: 1 MiB (an unclosed quote swallows the file otherwise).
  public static let maxRecordBytes = 1 << 20
  /// The largest uncompressed part of an .xlsx file read: 1 GiB.
  public static let maxXLSXPartBytes: UInt64 = 1 << 30
  /// The most problems kept for one file (the rest are counted).
  public static let maxProblems = 10_000
  /// The most rows above the header searched for it (title rows).
  public static let maxTitleRows = 10
}
