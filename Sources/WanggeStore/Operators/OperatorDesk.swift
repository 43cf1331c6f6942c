import WanggeCore

/// Operators and personal data: who is connected, the operators of the store (admins manage them),
/// revealing one household's full name and phone with a reason, and the audit trail.
public protocol OperatorDesk: Sendable {
  /// Who the connection is (PostgreSQL: `current_user` in the `operator` table; SQLite: the file's
  /// owner, admin of an unscoped single-station store). Throws ``OperatorError/notAnOperator``.
  func currentOperator() throws -> OperatorIdentity
  /// Every operator the connection may see, by name.
  func operators() throws -> [OperatorRecord]
  /// Creates the operator (a LOGIN role on PostgreSQL) and records it in the audit.
  func addOperator(_ spec: OperatorSpec, by admin: String, at now: Instant) throws
  /// Changes the role, scope or password of an operator; nil fields stay as they are.
  func setOperator(_ spec: OperatorChange, by admin: String, at now: Instant) throws
  /// Removes the operator (and its login role).
  func removeOperator(named name: String, by admin: String, at now: Instant) throws
  /// One household's full head name and phone, after appending an audit record (who, when, which
  /// household, why) in the same transaction. Throws ``OperatorError/unknownHousehold`` when the
  /// household does not exist or lies outside the connection's scope.
  func reveal(household: Int64, reason: String, by name: String, at now: Instant) throws -> RevealedHousehold
  /// Audit records (dispatches, withdrawals, reminders, reveals, operator changes), newest first.
  func auditTrail(_ query: AuditQuery) throws -> [AuditEntry]
}

/// An operator as listed by `wangge operator list`.
public struct OperatorRecord: Sendable, Hashable, Codable {
  public var name: String
  public var role: OperatorRole
  public var scopeID: Int64?
  /// The scope as a path below the root ("" for the root).
  public var scopePath: String
  public init(name: String, role: OperatorRole, scopeID: Int64?, scopePath: String) {
    self.name = name
    self.role = role
    self.scopeID = scopeID
    self.scopePath = scopePath
  }
}

/// A new operator.
public struct OperatorSpec: Sendable, Hashable {
  public var name: String
  public var role: OperatorRole
  public var scopeID: Int64
  /// The login password (nil: none; the operator logs in by peer or `~/.pgpass` as the server allows).
  public var password: String?
  public init(name: String, role: OperatorRole, scopeID: Int64, password: String? = nil) {
    self.name = name
    self.role = role
    self.scopeID = scopeID
    self.password = password
  }
}

/// A change to an operator: nil fields stay.
public struct OperatorChange: Sendable, Hashable {
  public var name: String
  public var role: OperatorRole?
  public var scopeID: Int64?
  public var password: String?
  public init(name: String, role: OperatorRole? = nil, scopeID: Int64? = nil, password: String? = nil) {
    self.name = name
    self.role = role
    self.scopeID = scopeID
    self.password = password
  }
}

/// A household's personal data, shown once after a reveal.
public struct RevealedHousehold: Sendable, Hashable {
  public var householdID: Int64
  public var room: String
  public var headName: String
  public var phone: String
  public init(householdID: Int64, room: String, headName: String, phone: String) {
    self.householdID = householdID
    self.room = room
    self.headName = headName
    self.phone = phone
  }
}

/// Which audit records to list.
public struct AuditQuery: Sendable, Hashable {
  /// Only records whose scope lies under this place (nil: all the connection may see).
  public var scopeID: Int64?
  public var operatorName: String?
  /// Only records at or after this instant.
  public var since: Instant?
  public var limit: Int
  public init(scopeID: Int64? = nil, operatorName: String? = nil, since: Instant? = nil, limit: Int = 1000) {
    self.scopeID = scopeID
    self.operatorName = operatorName
    self.since = since
    self.limit = limit
  }
}

/// One audit record.
public struct AuditEntry: Sendable, Hashable {
  public var id: Int64
  public var at: Instant
  public var operatorName: String
  /// `dispatch`, `withdraw`, `remind`, `reveal`, `operator-add`, `operator-set`, `operator-remove`…
  public var action: String
  public var taskID: Int64?
  public var scopeID: Int64?
  /// Counts and names as JSON with sorted keys.
  public var detail: String
  public init(
    id: Int64, at: Instant, operatorName: String, action: String, taskID: Int64?, scopeID: Int64?,
    detail: String
  ) {
    self.id = id
    self.at = at
    self.operatorName = operatorName
    self.action = action
    self.taskID = taskID
    self.scopeID = scopeID
    self.detail = detail
  }
}
