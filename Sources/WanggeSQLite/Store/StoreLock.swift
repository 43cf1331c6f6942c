import WanggeStore
import Foundation

/// An advisory `flock` on the store file, beside SQLite's own locks: every writer holds it shared for
/// as long as it is open; `wangge demo --force` takes it exclusively before replacing the file, so it
/// refuses while any writer (ingest, the board, a simulator) has the store open.
final class StoreLock: @unchecked Sendable {
  private let fd: Int32

  private init(fd: Int32) { self.fd = fd }

  deinit { close(fd) }

  /// The shared lock of a writer. Throws when the store is being replaced right now.
  static func shared(_ path: String) throws -> StoreLock {
    let lock = try open(path)
    guard flock(lock.fd, LOCK_SH | LOCK_NB) == 0 else {
      throw StoreError.writeFailed(
        path: path,
        reason:
          "is being replaced by `wangge demo --force` in another process; try again when it has finished")
    }
    return lock
  }

  /// The exclusive lock of a replacement; nil when a writer holds the store open.
  static func exclusive(_ path: String) throws -> StoreLock? {
    let lock = try open(path)
    return flock(lock.fd, LOCK_EX | LOCK_NB) == 0 ? lock : nil
  }

  private static func open(_ path: String) throws -> StoreLock {
    let fd = Foundation.open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw StoreError.notAStore(path: path, reason: "cannot be opened (\(String(cString: strerror(errno))))")
    }
    return StoreLock(fd: fd)
  }
}
