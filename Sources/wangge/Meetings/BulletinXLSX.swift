import Foundation
import WanggeLedger
import WanggeStore

/// The bulletin as an .xlsx workbook, one sheet per table: the header and rows of the bulletin's row
/// model (``BulletinText/headers()`` and ``BulletinText/cells(_:)``, whatever columns it has), then
/// after a blank row the table's summary (best, worst, the tasks counted and the command listing the
/// rows); written by the ledger's XLSX writer; whole numbers are stored as numbers.
enum BulletinXLSX {
  static func table(_ t: WeeklyBulletin.Table, _ b: WeeklyBulletin) -> LedgerTable {
    let header = BulletinText.headers()
    return LedgerTable(
      header: header,
      rows: t.entries.map(BulletinText.cells) + [[]] + BulletinText.summary(t, b).map { [$0] },
      numberColumns: Set(header.indices))
  }

  /// Writes the workbook at `path`, owner-only (0600); each sheet is named after the week and its table.
  static func write(_ b: WeeklyBulletin, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    try XLSXLedgerWriter.write(
      sheets: b.tables.map { (name: "周通报 \(b.week) \($0.level.title)", table: table($0, b)) }, to: url)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
  }
}
