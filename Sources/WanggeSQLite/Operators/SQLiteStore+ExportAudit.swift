import GRDB
import WanggeCore
import WanggeStore

/// The audit record of an export with full phones, on SQLite.
extension SQLiteStore: ExportAuditDesk {
  public func auditExportReveal(kind: String, scope: Int64, rows: Int, by name: String, at now: Instant)
    throws
  {
    try write { db in
      try Self.audit(
        db, at: now, operator: name, action: "export-reveal", task: nil, scope: scope,
        detail: ["export": kind, "rows": rows])
    }
  }
}
