/// What an operator may do: `viewer` reads (masked), `station` also dispatches and records within its
/// scope, `commander` also withdraws, reassigns, reveals personal data and marks reports concealed (瞒报),
/// `admin` also manages operators.
public enum OperatorRole: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
  case viewer, station, commander, admin

  /// Its rank: each role may do everything of the roles below it.
  public var rank: Int { Self.allCases.firstIndex(of: self)! }

  public static func < (a: OperatorRole, b: OperatorRole) -> Bool { a.rank < b.rank }

  /// Whether this role may do `action` (the role × action matrix).
  public func allows(_ action: OperatorAction) -> Bool { self >= action.leastRole }

  /// The role named by `text`, or nil (with ``OperatorRole/allCases`` as the choices).
  public init?(named text: String) { self.init(rawValue: text.lowercased()) }
}

/// Everything an operator can ask of the store, each with the least role that may do it.
public enum OperatorAction: String, Sendable, Hashable, CaseIterable {
  /// Figures, lists, tasks, masked households, the audit of the scope.
  case read
  /// Dispatch a task to a place within the scope.
  case dispatch
  /// Record events (acknowledgements, finishes, visits, reports) within the scope.
  case record
  /// Send reminders to overdue leaders within the scope.
  case remind
  /// Withdraw a task nobody has acknowledged.
  case withdraw
  /// Move an assignment or a help case to another leader or helper.
  case reassign
  /// Show one household's full name and phone, with a typed reason (audited).
  case reveal
  /// Mark an incident learnt another way as concealed (瞒报) by its station, with evidence.
  case markConcealed = "mark-concealed"
  /// Add, change and remove operators.
  case manageOperators = "manage-operators"

  /// The least role allowed to do it.
  public var leastRole: OperatorRole {
    switch self {
    case .read: .viewer
    case .dispatch, .record, .remind: .station
    case .withdraw, .reassign, .reveal, .markConcealed: .commander
    case .manageOperators: .admin
    }
  }

  /// Whether it changes the store (a read-only board refuses every such key).
  public var writes: Bool { self != .read }
}
