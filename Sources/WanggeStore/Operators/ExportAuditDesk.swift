import WanggeCore

/// The audit record of a bulk reveal: an export written with full phones (`--reveal-phones`).
public protocol ExportAuditDesk: Sendable {
  /// Appends an audit record `export-reveal` by `name` at `now`, scoped to `scope`, naming what was
  /// revealed: the export `kind` and the number of `rows` (never the phones themselves).
  func auditExportReveal(kind: String, scope: Int64, rows: Int, by name: String, at now: Instant) throws
}
