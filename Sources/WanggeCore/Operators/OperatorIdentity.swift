/// Who is at the terminal, as the store knows it: a name, a role and a scope (the place whose subtree
/// the operator sees and changes; nil for an unscoped store, where the whole grid is the scope).
public struct OperatorIdentity: Sendable, Hashable, Codable {
  /// The operator's name (a PostgreSQL role; on SQLite the file owner's login name).
  public var name: String
  public var role: OperatorRole
  /// The scope's place id; nil: the whole grid.
  public var scopeID: Int64?
  /// True for a single-station store with no operators (SQLite): the board says 未分级/unscoped.
  public var unscoped: Bool

  public init(name: String, role: OperatorRole, scopeID: Int64?, unscoped: Bool = false) {
    self.name = name
    self.role = role
    self.scopeID = scopeID
    self.unscoped = unscoped
  }

  /// Whether the operator may do `action` (the role alone; the scope is checked against a place).
  public func allows(_ action: OperatorAction) -> Bool { role.allows(action) }

  /// Whether `path` (the place's ancestors' ids root first, then its own id) lies within the scope.
  public func covers(pathIDs: [Int64]) -> Bool {
    guard let scopeID else { return true }
    return pathIDs.contains(scopeID)
  }
}
