import CLibPQ
import Foundation

/// One synchronous connection to a PostgreSQL server through libpq. Not thread-safe: use it from one
/// thread at a time (a store wraps it in a lock). Closed when released.
public final class PGConnection {
  /// The libpq connection handle (valid until `close`).
  let handle: OpaquePointer
  /// What it was opened with (masked for display).
  public let target: PGTarget
  /// Channels this connection listens on; `reconnect` listens on them again.
  var channels: [String] = []
  private var closed = false
  /// How many attempts the last `transaction` took (1 when no serialization failure was retried).
  public internal(set) var lastTransactionAttempts = 0

  /// Opens a connection to `target`; `database` (when given) replaces the target's database name.
  /// Throws ``PGError`` (kind `.connect`) naming the host and port it tried.
  public init(_ target: PGTarget, database: String? = nil) throws {
    self.target = target
    var keys: [String] = []
    var values: [String] = []
    if ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil {
      // A dropped network must not hang a command forever; the target may set its own timeout.
      keys.append("connect_timeout")
      values.append("10")
    }
    keys += ["dbname", "fallback_application_name"]
    values += [target.conninfo, "wangge"]
    if let database {
      keys.append("dbname")  // libpq expands only the first dbname; a later one is a plain name
      values.append(database)
    }
    let conn = PGConnection.connect(keys, values)
    guard let conn else {
      throw PGError(
        kind: .connect, endpoint: target.display, message: "libpq could not allocate a connection")
    }
    handle = conn
    guard PQstatus(conn) == CONNECTION_OK else {
      let error = PGError(kind: .connect, endpoint: endpoint, message: lastMessage)
      PQfinish(conn)
      closed = true
      throw error
    }
    wangge_pq_silence_notices(conn)
  }

  /// Opens a connection from a `--db` value (`postgres://…`, `postgresql://…`, `pg:`).
  public convenience init(url: String, database: String? = nil) throws {
    guard let target = PGTarget(url) else {
      throw PGError(
        kind: .misuse, endpoint: url,
        message:
          "not a PostgreSQL address; use postgres://user@host:port/dbname or pg: with the PG* variables")
    }
    try self.init(target, database: database)
  }

  private static func connect(_ keys: [String], _ values: [String]) -> OpaquePointer? {
    let k = keys.map { strdup($0) }
    let v = values.map { strdup($0) }
    defer {
      k.forEach { free($0) }
      v.forEach { free($0) }
    }
    var kp: [UnsafePointer<CChar>?] = k.map { UnsafePointer($0) } + [nil]
    var vp: [UnsafePointer<CChar>?] = v.map { UnsafePointer($0) } + [nil]
    return kp.withUnsafeMutableBufferPointer { kb in
      vp.withUnsafeMutableBufferPointer { vb in PQconnectdbParams(kb.baseAddress, vb.baseAddress, 1) }
    }
  }

  deinit { close() }

  /// Closes the connection (idempotent).
  public func close() {
    guard !closed else { return }
    closed = true
    PQfinish(handle)
  }

  /// `host:port` of the server (the socket folder for a Unix socket), for messages.
  public var endpoint: String {
    let host = PQhost(handle).map { String(cString: $0) } ?? ""
    let port = PQport(handle).map { String(cString: $0) } ?? ""
    return "\(host.isEmpty ? "localhost" : host):\(port.isEmpty ? "5432" : port)"
  }

  /// The database name this connection uses.
  public var database: String { PQdb(handle).map { String(cString: $0) } ?? "" }
  /// The role this connection logged in as.
  public var user: String { PQuser(handle).map { String(cString: $0) } ?? "" }
  /// The server's version number (150018 for 15.18).
  public var serverVersion: Int { Int(PQserverVersion(handle)) }
  /// Whether the connection is up (false after the server dropped it; see `reconnect`).
  public var isConnected: Bool { !closed && PQstatus(handle) == CONNECTION_OK }
  /// Whether a transaction is open (or failed and not yet rolled back).
  public var inTransaction: Bool {
    let s = PQtransactionStatus(handle)
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE
  }

  /// libpq's last message for this connection, on one line.
  var lastMessage: String {
    let m = target.scrub(PQerrorMessage(handle).map { String(cString: $0) } ?? "").oneLine
    return m.isEmpty ? "no message from libpq" : m
  }

  // MARK: - Statements

  /// Runs one statement with text parameters `$1`, `$2`… (nil is SQL NULL) and returns its result.
  @discardableResult
  public func exec(_ sql: String, _ parameters: [(any PGBindable)?] = []) throws -> PGResult {
    let texts = try parameters.enumerated().map { i, p -> String? in
      guard let t = p?.pgText else { return nil }
      if t.utf8.contains(0) {
        throw PGError(
          kind: .misuse, endpoint: endpoint,
          message: "text parameter $\(i + 1) contains a NUL character, which PostgreSQL text cannot hold")
      }
      return t
    }
    let cs = texts.map { $0.map { strdup($0)! } }
    defer { cs.forEach { free($0) } }
    let ptrs: [UnsafePointer<CChar>?] = cs.map { $0.map { UnsafePointer($0) } }
    let raw = ptrs.withUnsafeBufferPointer { b in
      PQexecParams(handle, sql, Int32(texts.count), nil, b.baseAddress, nil, nil, 0)
    }
    return try checked(raw)
  }

  /// Runs a script of several statements separated by `;` (no parameters), e.g. a migration.
  public func execScript(_ sql: String) throws {
    try checked(PQexec(handle, sql))
  }

  /// Turns a libpq result into a ``PGResult`` or throws the error it carries.
  @discardableResult
  func checked(_ raw: OpaquePointer?, accepting ok: Set<UInt32> = []) throws -> PGResult {
    guard let raw else { throw failure(nil) }
    let status = PQresultStatus(raw)
    if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || ok.contains(status.rawValue) {
      return PGResult(raw)
    }
    defer { PQclear(raw) }
    throw failure(raw)
  }

  /// The error a failed result (or a missing one) stands for.
  func failure(_ raw: OpaquePointer?) -> PGError {
    if PQstatus(handle) != CONNECTION_OK {
      return PGError(kind: .connectionLost, endpoint: endpoint, message: lastMessage)
    }
    guard let raw else { return PGError(kind: .query, endpoint: endpoint, message: lastMessage) }
    func field(_ code: UInt8) -> String? {
      PQresultErrorField(raw, Int32(code)).map { String(cString: $0) }
    }
    let message = field(UInt8(ascii: "M")) ?? (PQresultErrorMessage(raw).map { String(cString: $0) } ?? "")
    var text = message.oneLine
    if let detail = field(UInt8(ascii: "D")) { text += ": " + detail.oneLine }
    return PGError(
      kind: .query, endpoint: endpoint, message: text.isEmpty ? lastMessage : text,
      sqlState: field(UInt8(ascii: "C")), hint: field(UInt8(ascii: "H"))?.oneLine)
  }

  /// `name` quoted as an SQL identifier (for LISTEN and other statements that take no parameters).
  public func quoteIdentifier(_ name: String) throws -> String {
    guard let q = PQescapeIdentifier(handle, name, name.utf8.count) else {
      throw PGError(kind: .misuse, endpoint: endpoint, message: "cannot quote identifier: \(lastMessage)")
    }
    defer { PQfreemem(q) }
    return String(cString: q)
  }
}
