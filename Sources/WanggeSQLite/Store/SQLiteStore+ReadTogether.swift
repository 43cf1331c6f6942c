import Foundation
import GRDB
import WanggeStore

/// The read transactions threads hold open in ``SQLiteStore/readingTogether(_:)``: each thread's
/// connection, which that thread's reads join.
final class SharedReads: @unchecked Sendable {
  private let lock = NSLock()
  /// Read and changed under `lock` only.
  private var open: [pthread_t: Database] = [:]

  /// The connection of the calling thread's shared read, if it holds one.
  func connection() -> Database? {
    lock.withLock { open[pthread_self()] }
  }

  /// Makes `db` the calling thread's shared read while `body` runs.
  func share<T>(_ db: Database, _ body: () throws -> T) rethrows -> T {
    let me = pthread_self()
    lock.withLock { open[me] = db }
    defer { _ = lock.withLock { open.removeValue(forKey: me) } }
    return try body()
  }
}

extension SQLiteStore {
  /// Runs a read: inside the calling thread's `readingTogether` transaction when it holds one, else in
  /// a read transaction of its own. Every read of the store goes through here.
  func read<T>(_ body: (Database) throws -> T) throws -> T {
    if let db = together.connection() { return try body(db) }
    return try pool.read(body)
  }

  /// Runs `body` with all of this thread's reads in one read transaction: they see one snapshot of the
  /// store (a commit landing meanwhile shows in the next one) and pay for one transaction instead of
  /// one each, which is what the board does for every screen it loads. A nested call joins the outer one.
  public func readingTogether<T>(_ body: () throws -> T) throws -> T {
    if together.connection() != nil { return try body() }
    return try pool.read { db in try together.share(db, body) }
  }
}
