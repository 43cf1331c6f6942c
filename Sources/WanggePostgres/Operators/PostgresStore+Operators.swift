import Foundation
import WanggeCore
import WanggeStore

/// Operators on PostgreSQL: each is a LOGIN role listed in `operator` (migration v4) and a member of
/// the group role of its Wangge role; `current_user` decides who the connection is, and row-level
/// security keeps a station or viewer inside its scope. The store's owner (or a superuser), not
/// listed, is an admin of the whole grid.
extension PostgresStore: OperatorDesk {
  public func currentOperator() throws -> OperatorIdentity {
    try read { db in
      let me: String = try db.exec("SELECT current_user::text")[0].get(0)
      if try db.exec("SELECT to_regclass('operator') IS NOT NULL")[0].get(0, as: Bool.self),
        let row = try db.exec("SELECT role, scope_id FROM operator WHERE name = $1", [me]).first
      {
        let role = OperatorRole(named: try row.get(0, as: String.self)) ?? .viewer
        return OperatorIdentity(name: me, role: role, scopeID: try row.get(1, as: Int64.self))
      }
      let owns: Bool = try db.exec(
        """
        SELECT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false)
          OR pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'place'::regclass), 'MEMBER')
        """)[0].get(0)
      guard owns else { throw OperatorError.notAnOperator(me) }
      return OperatorIdentity(name: me, role: .admin, scopeID: nil)
    }
  }

  public func operators() throws -> [OperatorRecord] {
    try read { db in
      try db.exec("SELECT name, role, scope_id FROM operator ORDER BY name").map { row in
        let scope: Int64 = try row.get(2)
        return OperatorRecord(
          name: try row.get(0), role: OperatorRole(named: try row.get(1, as: String.self)) ?? .viewer,
          scopeID: scope, scopePath: try Self.path(db, of: scope).description)
      }
    }
  }

  public func addOperator(_ spec: OperatorSpec, by admin: String, at now: Instant) throws {
    guard OperatorError.isValidName(spec.name) else { throw OperatorError.badName(spec.name) }
    try write { db in
      guard try db.exec("SELECT 1 FROM place WHERE id = $1", [spec.scopeID]).first != nil else {
        throw OperatorError.unknownOperator(spec.name)
      }
      if try db.exec("SELECT 1 FROM operator WHERE name = $1", [spec.name]).first != nil {
        throw OperatorError.operatorExists(spec.name)
      }
      let role = try db.quoteIdentifier(spec.name)
      let exists = try db.exec("SELECT 1 FROM pg_roles WHERE rolname = $1", [spec.name]).first != nil
      try db.exec(exists ? "ALTER ROLE \(role) LOGIN" : "CREATE ROLE \(role) LOGIN")
      try Self.applyRole(db, name: spec.name, old: nil, new: spec.role)
      if let password = spec.password { try Self.setPassword(db, name: spec.name, password) }
      try db.exec(
        "INSERT INTO operator(name, role, scope_id, added_at, added_by) VALUES ($1, $2, $3, $4, $5)",
        [spec.name, spec.role.rawValue, spec.scopeID, now.epochSeconds, admin])
      try Self.audit(
        db, at: now, operator: admin, action: "operator-add", task: nil, scope: spec.scopeID,
        detail: ["name": spec.name, "role": spec.role.rawValue, "password": spec.password != nil])
    }
  }

  public func setOperator(_ spec: OperatorChange, by admin: String, at now: Instant) throws {
    try write { db in
      guard
        let row = try db.exec("SELECT role, scope_id FROM operator WHERE name = $1 FOR UPDATE", [spec.name])
          .first
      else { throw OperatorError.unknownOperator(spec.name) }
      let old = OperatorRole(named: try row.get(0, as: String.self)) ?? .viewer
      let stored: Int64 = try row.get(1)
      let scope = spec.scopeID ?? stored
      if let new = spec.role, new != old { try Self.applyRole(db, name: spec.name, old: old, new: new) }
      if let password = spec.password { try Self.setPassword(db, name: spec.name, password) }
      try db.exec(
        "UPDATE operator SET role = $2, scope_id = $3 WHERE name = $1",
        [spec.name, (spec.role ?? old).rawValue, scope])
      var detail: [String: any Sendable] = ["name": spec.name, "role": (spec.role ?? old).rawValue]
      if spec.password != nil { detail["password"] = true }
      try Self.audit(
        db, at: now, operator: admin, action: "operator-set", task: nil, scope: scope, detail: detail)
    }
  }

  public func removeOperator(named name: String, by admin: String, at now: Instant) throws {
    try write { db in
      guard
        let scope = try db.exec("DELETE FROM operator WHERE name = $1 RETURNING scope_id", [name]).first?
          .get(0, as: Int64.self)
      else { throw OperatorError.unknownOperator(name) }
      try db.exec("DROP ROLE IF EXISTS \(try db.quoteIdentifier(name))")
      try Self.audit(
        db, at: now, operator: admin, action: "operator-remove", task: nil, scope: scope,
        detail: ["name": name])
    }
  }

  /// Moves `name` from the group role of `old` to that of `new`; admins may create roles.
  static func applyRole(_ db: PGConnection, name: String, old: OperatorRole?, new: OperatorRole) throws {
    let role = try db.quoteIdentifier(name)
    if let old { try db.exec("REVOKE wangge_\(old.rawValue) FROM \(role)") }
    try db.exec("GRANT wangge_\(new.rawValue) TO \(role)")
    try db.exec("ALTER ROLE \(role) \(new == .admin ? "CREATEROLE" : "NOCREATEROLE")")
  }

  /// Sets the login password, hashed by libpq first.
  static func setPassword(_ db: PGConnection, name: String, _ password: String) throws {
    let hashed = try db.quoteLiteral(try db.encryptedPassword(password, for: name))
    try db.exec("ALTER ROLE \(try db.quoteIdentifier(name)) PASSWORD \(hashed)")
  }

  public func reveal(household: Int64, reason: String, by name: String, at now: Instant) throws
    -> RevealedHousehold
  {
    guard OperatorError.isValidReason(reason) else { throw OperatorError.badReason }
    return try write { db in
      // wangge_reveal (migration v6) checks the role, reads the household and appends the audit
      // record in this transaction (a missing household is "unknown").
      let role: String? = try db.exec("SELECT wangge_operator_role(session_user)")[0].optional(0)
      if let role, let r = OperatorRole(named: role), !r.allows(.reveal) {
        throw OperatorError.notAllowed(operator: name, role: r, action: .reveal)
      }
      let row: PGRow
      do {
        guard
          let found = try db.exec(
            "SELECT room, head_name, phone, unit_id FROM wangge_reveal($1, $2, $3)",
            [household, reason, now.epochSeconds]
          ).first
        else { throw OperatorError.unknownHousehold(household) }
        row = found
      } catch let e as PGError where e.sqlState == "P0002" {
        throw OperatorError.unknownHousehold(household)
      }
      return RevealedHousehold(
        householdID: household, room: try row.get(0), headName: try row.get(1), phone: try row.get(2))
    }
  }

  public func auditTrail(_ query: AuditQuery) throws -> [AuditEntry] {
    try read { db in
      var clauses: [String] = []
      var params: [(any PGBindable)?] = []
      var with = ""
      if let scope = query.scopeID {
        params.append(scope)
        with = """
          WITH RECURSIVE sub(id) AS (
            SELECT $\(params.count)::bigint UNION ALL SELECT p.id FROM place p JOIN sub ON p.parent_id = sub.id)
          """
        clauses.append("scope_id IN (SELECT id FROM sub)")
      }
      if let name = query.operatorName {
        params.append(name)
        clauses.append("operator = $\(params.count)")
      }
      if let since = query.since {
        params.append(since.epochSeconds)
        clauses.append("at >= $\(params.count)")
      }
      params.append(Int64(query.limit))
      let whereSQL = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
      return try db.exec(
        """
        \(with) SELECT id, at, operator, action, task_id, scope_id, detail FROM audit \(whereSQL)
        ORDER BY at DESC, id DESC LIMIT $\(params.count)
        """, params
      ).map { r in
        AuditEntry(
          id: try r.get(0), at: Instant(epochSeconds: try r.get(1)), operatorName: try r.get(2),
          action: try r.get(3), taskID: try r.optional(4), scopeID: try r.optional(5), detail: try r.get(6))
      }
    }
  }
}
