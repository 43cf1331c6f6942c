import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore: LedgerDesk {
  public func importLedger(
    scope: PlacePath?, check: Bool, operator who: String, at: Instant,
    _ feed: (RegistryImport) throws -> Void
  ) throws -> ImportOutcome {
    do {
      return try write { db in
        try RegistryImport.run(
          access: try SQLiteRegistryAccess(db), scope: scope, check: check, operator: who, at: at, feed: feed)
      }
    } catch let r as RegistryRollback {
      return r.outcome
    }
  }

  public func exportLedger(_ kind: RegistryKind, scope: Place, _ emit: (RegistryRow) throws -> Void) throws {
    try pool.read { db in
      let access = try SQLiteRegistryAccess(db)
      try RegistryExport.run(
        access: access, kind: kind, scopeID: scope.id, scopePath: try Self.path(db, of: scope.id), emit: emit)
    }
  }

  public func auditTrail(limit: Int) throws -> [AuditEntry] {
    try pool.read { db in
      try Row.fetchAll(
        db, sql: "SELECT at, operator, action, task_id, scope_id, detail FROM audit ORDER BY id DESC LIMIT ?",
        arguments: [limit]
      ).map {
        AuditEntry(
          at: Instant(epochSeconds: $0[0]), operator: $0[1], action: $0[2], taskID: $0[3], scopeID: $0[4],
          detail: $0[5])
      }
    }
  }
}
