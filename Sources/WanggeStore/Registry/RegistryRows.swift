import WanggeCore

/// One row of a registry import or export.
public enum RegistryRow: Hashable, Sendable {
  case household(RegistryHousehold)
  case leader(RegistryLeader)
  case help(RegistryHelpCase)
  /// A place to exist (its path; trailing levels may be missing).
  case place(PlacePath)

  /// The kind of row.
  public var kind: RegistryKind {
    switch self {
    case .household: .households
    case .leader: .leaders
    case .help: .help
    case .place: .places
    }
  }

  /// The place path the row names.
  public var path: PlacePath {
    switch self {
    case .household(let r): r.path
    case .leader(let r): r.path
    case .help(let r): r.path
    case .place(let p): p
    }
  }
}

/// The kinds of registry rows.
public enum RegistryKind: String, CaseIterable, Sendable, Hashable {
  case households, leaders, help, places
}
