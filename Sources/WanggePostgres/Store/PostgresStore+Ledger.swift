import WanggeCore
import WanggeStore

extension PostgresStore: LedgerDesk {
  /// One import in one transaction; imports into the same database wait for each other (an advisory
  /// lock held until the transaction ends), so the ids they hand out never collide.
  public func importLedger(
    scope: PlacePath?, check: Bool, operator who: String, at: Instant,
    _ feed: (RegistryImport) throws -> Void
  ) throws -> ImportOutcome {
    do {
      return try lock.withLock {
        try connection.transaction(.readCommitted) { db in
          try db.exec("SELECT pg_advisory_xact_lock(7213000013)")
          return try RegistryImport.run(
            access: PostgresRegistryAccess(db), scope: scope, check: check, operator: who, at: at, feed: feed)
        }
      }
    } catch let r as RegistryRollback {
      return r.outcome
    }
  }

  public func exportLedger(_ kind: RegistryKind, scope: Place, _ emit: (RegistryRow) throws -> Void) throws {
    try read { db in
      try RegistryExport.run(
        access: PostgresRegistryAccess(db), kind: kind, scopeID: scope.id,
        scopePath: try Self.path(db, of: scope.id), emit: emit)
    }
  }

  /// Creates the grid of an empty database for real data (`wangge init`): the level chain, the root
  /// place and its rollup row, no demo mark. Throws ``StoreError/exists`` when it holds a grid.
  public func initialize(root: String, levels: LevelChain) throws {
    try lock.withLock {
      try connection.transaction(.serializable) { db in
        guard try db.exec("SELECT count(*) FROM level")[0].get(0, as: Int.self) == 0 else {
          throw StoreError.exists(path: target.display)
        }
        for (depth, name) in levels.names.enumerated() {
          try db.exec("INSERT INTO level(depth, name) VALUES ($1, $2)", [depth, name])
        }
        try db.exec(
          "INSERT INTO meta VALUES ('station_depth', $1)", [levels.stationDepth.map(String.init) ?? ""])
        let id: Int64 = try db.exec("SELECT coalesce(max(id), 0) + 1 FROM place")[0].get(0)
        try db.exec(
          "INSERT INTO place(id, parent_id, depth, name, has_station) VALUES ($1, NULL, 0, $2, 0)",
          [id, root])
        try db.exec("INSERT INTO place_stats VALUES ($1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)", [id])
      }
    }
  }
}
