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
        // A bigger page cache for the bulk load only (64 MiB at most: constant memory), so the long
        // transaction spills fewer pages to the WAL; the connection's own size is restored after.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -65536")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        return try RegistryImport.run(
          access: try SQLiteRegistryAccess(db), scope: scope, check: check, operator: who, at: at, feed: feed)
      }
    } catch let r as RegistryRollback {
      return r.outcome
    }
  }

  public func exportLedger(_ kind: RegistryKind, scope: Place, _ emit: (RegistryRow) throws -> Void) throws {
    try read { db in
      let access = try SQLiteRegistryAccess(db)
      try RegistryExport.run(
        access: access, kind: kind, scopeID: scope.id, scopePath: try Self.path(db, of: scope.id), emit: emit)
    }
  }

}
