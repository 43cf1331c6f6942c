import WanggeStore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Creates personal-data files readable and writable by their owner only (mode 0600).
enum SecureFile {
  /// Creates `path` empty with mode 0600 if it does not exist, and its folder with mode 0700.
  static func createIfMissing(_ path: String) throws {
    let dir = (path as NSString).deletingLastPathComponent
    if !dir.isEmpty, !FileManager.default.fileExists(atPath: dir) {
      try FileManager.default.createDirectory(
        atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
    if fd >= 0 {
      close(fd)
    } else if errno != EEXIST {
      throw StoreError.notAStore(path: path, reason: "cannot create: \(String(cString: strerror(errno)))")
    }
  }

  /// The permission bits of `path`, or nil when it does not exist.
  static func mode(_ path: String) -> Int? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return Int(st.st_mode & 0o777)
  }
}
