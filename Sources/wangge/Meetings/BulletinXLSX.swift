import Foundation
import WanggeLedger
import WanggeStore

/// The bulletin as an .xlsx workbook: the header and rows of the bulletin's row model
/// (``BulletinText/headers()`` and ``BulletinText/cells(_:)``, whatever columns it has), written by the
/// ledger's XLSX writer; whole numbers are stored as numbers.
enum BulletinXLSX {
  static func table(_ b: WeeklyBulletin) -> LedgerTable {
    let header = BulletinText.headers()
    return LedgerTable(
      header: header, rows: b.entries.map(BulletinText.cells), numberColumns: Set(header.indices))
  }

  /// Writes the workbook at `path`, owner-only (0600); the sheet is named after the week.
  static func write(_ b: WeeklyBulletin, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try XLSXLedgerWriter.write(table(b), sheetName: "周通报 \(b.week)", to: url)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
  }
}
