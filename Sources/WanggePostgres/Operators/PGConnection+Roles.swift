import CLibPQ

extension PGConnection {
  /// `password` hashed for `role` the way the server wants it (SCRAM), by libpq: the password itself
  /// never reaches the server, its logs or the audit.
  func encryptedPassword(_ password: String, for role: String) throws -> String {
    guard let hashed = PQencryptPasswordConn(handle, password, role, nil) else {
      throw PGError(kind: .misuse, endpoint: endpoint, message: "cannot hash the password: \(lastMessage)")
    }
    defer { PQfreemem(hashed) }
    return String(cString: hashed)
  }

  /// `text` quoted as an SQL literal (for statements that take no parameters, like ALTER ROLE).
  func quoteLiteral(_ text: String) throws -> String {
    guard let q = PQescapeLiteral(handle, text, text.utf8.count) else {
      throw PGError(kind: .misuse, endpoint: endpoint, message: "cannot quote literal: \(lastMessage)")
    }
    defer { PQfreemem(q) }
    return String(cString: q)
  }
}
