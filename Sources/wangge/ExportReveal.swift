import WanggeCore
import WanggeStore

/// The audit of an export with full phones: written before the file, so no revealed file exists
/// without its record (operator, time, export kind, scope, row count; never the phones).
enum ExportReveal {
  static func audit(_ s: any GridStore, kind: String, scope: Place, rows: Int, by name: String, at: Instant)
    throws
  {
    do {
      try s.auditExportReveal(kind: kind, scope: scope.id, rows: rows, by: name, at: at)
    } catch {
      failOnUserError(error)
    }
  }
}
