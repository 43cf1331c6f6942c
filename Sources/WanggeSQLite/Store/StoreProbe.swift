import WanggeStore
import Foundation
import GRDB

/// Looks at a file before it is opened as a store, without writing to it: is it an SQLite database,
/// does it hold Wangge's tables, and is its schema older, current or newer than this binary's.
enum StoreProbe {
  /// What the probe found in a Wangge store.
  enum Schema: Equatable {
    case current
    /// Written by an older binary: these migrations are still to run.
    case older(missing: [String])
  }

  /// Checks `path` read-only. Throws ``StoreError/notAStore`` naming what is wrong and what to do.
  static func check(_ path: String) throws -> Schema {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == EACCES {
        throw StoreError.notAStore(
          path: path, reason: "cannot be read (permission denied); check its permissions")
      }
      throw StoreError.notAStore(
        path: path, reason: "no store here; create one with `wangge demo --preset jiaohe --db \(path)`")
    }
    guard (info.st_mode & S_IFMT) == S_IFREG else {
      throw StoreError.notAStore(
        path: path, reason: "is not a regular file; give the path of a store file (.sqlite)")
    }
    guard info.st_size > 0 else {
      throw StoreError.notAStore(
        path: path,
        reason:
          "is an empty file, not a Wangge store; it was left unchanged. Remove it, or give another --db "
          + "(`wangge demo --db PATH` creates a store)")
    }
    guard let handle = FileHandle(forReadingAtPath: path) else {
      throw StoreError.notAStore(path: path, reason: "cannot be read; check its permissions")
    }
    let header = (try? handle.read(upToCount: 16)) ?? Data()
    try? handle.close()
    guard header == Data("SQLite format 3\0".utf8) else {
      throw StoreError.notAStore(
        path: path,
        reason:
          "is not an SQLite database, so not a Wangge store; it was left unchanged. Give the path of a store")
    }
    return try inspect(path)
  }

  /// Whether the file's header says it is in WAL mode (bytes 18 and 19 are 2), read without opening it.
  static func isWAL(_ path: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: path) else { return false }
    defer { try? handle.close() }
    let header = (try? handle.read(upToCount: 20)) ?? Data()
    return header.count == 20 && header[18] == 2 && header[19] == 2
  }

  /// Opens `path` read-only and compares its migrations and `user_version` with this binary's.
  private static func inspect(_ path: String) throws -> Schema {
    let queue: DatabaseQueue
    do {
      queue = try openReadOnly(path)
    } catch let e as DatabaseError {
      throw StoreError.notAStore(
        path: path,
        reason: "cannot be opened for reading (\(e.message ?? "\(e.resultCode)")); check its permissions")
    }
    defer { try? queue.close() }
    return try queue.read { db in
      let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
      guard tables.contains("grdb_migrations"), tables.contains("meta"), tables.contains("place") else {
        throw StoreError.notAStore(
          path: path,
          reason:
            "is an SQLite database but not a Wangge store (it has no Wangge tables); it was left unchanged. "
            + "Give the path of a Wangge store, or create one with `wangge demo --db PATH`")
      }
      let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
      let known = Migrations.identifiers
      let unknown = applied.filter { !known.contains($0) }
      let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
      guard unknown.isEmpty, version <= Migrations.schemaVersion else {
        let what =
          unknown.isEmpty
          ? "schema version \(version)" : "migration \(unknown.sorted().joined(separator: ", "))"
        throw StoreError.newerSchema(
          path: path,
          reason:
            "was written by a newer wangge (\(what); this binary knows schema version \(Migrations.schemaVersion)); "
            + "it was left unchanged. Use the newer wangge on it")
      }
      let missing = known.filter { !applied.contains($0) }
      return missing.isEmpty ? .current : .older(missing: missing)
    }
  }

  /// A read-only connection that never writes: plain read-only first; a WAL store whose `-shm` cannot
  /// be created (a 0444 file in a directory of another user) is read as immutable when it has no
  /// pending `-wal` content (nothing can be missed then).
  static func openReadOnly(_ path: String) throws -> DatabaseQueue {
    var config = Configuration()
    config.readonly = true
    config.busyMode = .timeout(10)
    do {
      let queue = try DatabaseQueue(path: path, configuration: config)
      try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
      return queue
    } catch let e as DatabaseError where canReadImmutable(path, e) {
      let queue = try DatabaseQueue(path: immutableURI(path), configuration: config)
      try queue.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
      return queue
    }
  }

  /// True when a read-only open failed for want of a writable `-shm` and there is no WAL content.
  static func canReadImmutable(_ path: String, _ error: DatabaseError) -> Bool {
    guard [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) else { return false }
    guard access(path, W_OK) != 0 else { return false }
    var info = stat()
    if stat(path + "-wal", &info) == 0, info.st_size > 0 { return false }
    return true
  }

  /// `file:` URI of `path` with `immutable=1` (SQLite reads it without locks or `-shm`).
  static func immutableURI(_ path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    let escaped = absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute
    return "file:" + escaped + "?immutable=1"
  }
}
