import WanggeCore

/// The application's check of the role × action matrix and of the scope, before a command or a board
/// key asks the store (PostgreSQL enforces the scope again in the server).
public struct OperatorGate: Sendable {
  public let identity: OperatorIdentity
  /// The board and every command refuse writes when set (`--read-only`, and every viewer).
  public let readOnly: Bool

  public init(identity: OperatorIdentity, readOnly: Bool = false) {
    self.identity = identity
    self.readOnly = readOnly || !identity.role.allows(.record)
  }

  /// Reads who is connected from `store`.
  public static func of(_ store: any OperatorDesk, readOnly: Bool = false) throws -> OperatorGate {
    OperatorGate(identity: try store.currentOperator(), readOnly: readOnly)
  }

  /// Whether `action` is allowed (role and read-only mode; not the place).
  public func allows(_ action: OperatorAction) -> Bool {
    identity.allows(action) && !(readOnly && action.writes)
  }

  /// Throws ``OperatorError/notAllowed`` unless `action` is allowed.
  public func require(_ action: OperatorAction) throws {
    guard allows(action) else {
      throw OperatorError.notAllowed(
        operator: identity.name, role: readOnly && identity.role.allows(action) ? .viewer : identity.role,
        action: action)
    }
  }

  /// Throws unless `action` is allowed and `place` lies within the scope.
  public func require(_ action: OperatorAction, at place: Place, in store: any Store) throws {
    try require(action)
    try requireInScope(place, in: store)
  }

  /// Throws ``OperatorError/outOfScope`` unless `place` lies within the scope.
  public func requireInScope(_ place: Place, in store: any Store) throws {
    guard let scope = identity.scopeID, !covers(place, in: store) else { return }
    let scopePath = (try? store.path(of: scope).description) ?? "place \(scope)"
    let placePath = (try? store.path(of: place.id).description) ?? place.name
    throw OperatorError.outOfScope(operator: identity.name, place: placePath, scope: scopePath)
  }

  /// Whether `place` lies within the scope (walking its parents).
  public func covers(_ place: Place, in store: any Store) -> Bool {
    guard let scope = identity.scopeID else { return true }
    var current: Place? = place
    var steps = 0
    while let p = current, steps < 64 {
      if p.id == scope { return true }
      current = p.parentID.flatMap { try? store.place(id: $0) }
      steps += 1
    }
    return false
  }

  /// The scope's place (the board's root for this operator), or the store's root.
  public func scopeRoot(in store: any Store) throws -> Place {
    if let id = identity.scopeID, let p = try store.place(id: id) { return p }
    return try store.root()
  }

  /// The name recorded with writes: the connected operator (on an unscoped store, `fallback`, the
  /// `--operator` option or the login name).
  public func recordedName(fallback: String) -> String { identity.unscoped ? fallback : identity.name }
}
