import Foundation

/// A failure talking to PostgreSQL, naming the server (`host:port`) and what to do about it.
/// Messages never contain a password: they are built from libpq's own messages and the
/// connection's host, port, database and user.
public struct PGError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public enum Kind: Sendable, Equatable {
    /// The server could not be reached or refused the login.
    case connect
    /// An open connection dropped (server restart, network loss); `reconnect` may bring it back.
    case connectionLost
    /// The server refused a statement (see `sqlState`).
    case query
    /// A value could not be read as the asked type.
    case decode
    /// The caller misused the client (nested transaction, NUL in a text parameter).
    case misuse
  }

  public var kind: Kind
  /// `host:port` of the server (a socket folder for Unix sockets).
  public var endpoint: String
  /// The server's or libpq's message, on one line.
  public var message: String
  /// The five-character SQLSTATE of a refused statement (`40001`, `23505`…), when the server sent one.
  public var sqlState: String?
  /// The server's hint, if any.
  public var hint: String?

  public init(kind: Kind, endpoint: String, message: String, sqlState: String? = nil, hint: String? = nil) {
    self.kind = kind
    self.endpoint = endpoint
    self.message = message
    self.sqlState = sqlState
    self.hint = hint
  }

  /// A serialization failure (40001) or a deadlock (40P01): running the transaction again may succeed.
  public var isRetryable: Bool { sqlState == "40001" || sqlState == "40P01" }

  public var description: String {
    switch kind {
    case .connect:
      return "cannot connect to PostgreSQL at \(endpoint): \(message); check that the server runs and "
        + "accepts connections there, and the --db URL or the PGHOST, PGPORT, PGUSER, PGDATABASE variables "
        + "(a password comes from ~/.pgpass or PGPASSWORD)"
    case .connectionLost:
      return "lost the connection to PostgreSQL at \(endpoint): \(message); the server may have restarted "
        + "or the network dropped; nothing of the interrupted transaction was kept, run the command again"
    case .query where sqlState == PostgresStandby.readOnlySQLState:
      return PostgresStandby.refusalText(endpoint: endpoint)
    case .query:
      var s = "PostgreSQL at \(endpoint) refused a statement: \(message)"
      if let code = sqlState { s += " (SQLSTATE \(code))" }
      if let hint { s += "; \(hint)" }
      return s
    case .decode, .misuse:
      return "PostgreSQL at \(endpoint): \(message)"
    }
  }
}

extension String {
  /// libpq messages span lines ("…failed: Connection refused\n\tIs the server running…"): one line.
  var oneLine: String {
    split(whereSeparator: { $0 == "\n" || $0 == "\t" || $0 == "\r" })
      .map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
      .joined(separator: " ")
  }
}
