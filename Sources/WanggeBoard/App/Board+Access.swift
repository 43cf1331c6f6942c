import WanggeCore
import WanggeStore

/// Who the board is for: the operator's scope (the top the board can reach) and whether it may
/// write. A viewer, `--read-only` and looking back refuse every writing key; the header says 只读.
public struct BoardAccess: Sendable, Hashable {
  /// The operator's scope (nil: the whole grid).
  public var scopeID: Int64?
  /// The scope's name for messages.
  public var scopeName: String
  /// A single-station store without operators (SQLite): the header says 未分级/unscoped.
  public var unscoped: Bool
  /// No key that writes works (`--read-only`, a viewer).
  public var readOnly: Bool
  /// The store is a read-only hot standby (a streaming replica): the header says 备库/standby.
  public var standby: Bool
  public init(
    scopeID: Int64? = nil, scopeName: String = "", unscoped: Bool = false, readOnly: Bool = false,
    standby: Bool = false
  ) {
    self.scopeID = scopeID
    self.scopeName = scopeName
    self.unscoped = unscoped
    self.readOnly = readOnly || standby
    self.standby = standby
  }
}

extension Board {
  /// True when no key that writes works: looking back (`--at`, `[` `{`), `--read-only` or a viewer.
  public var writesRefused: Bool { isReadOnly || access.readOnly }

  /// What a refused writing key says.
  var refusedWriteText: String {
    isReadOnly
      ? words("回看模式只读：不能下发、撤销或提醒", "Looking back is read-only: no dispatch, undo or reminder")
      : access.standby
        ? words(
          "只读备库：不能下发、撤销或提醒（请连接主库写入）",
          "Read-only standby: no dispatch, undo or reminder (write on the primary)")
        : words(
          "只读：不能下发、撤销或提醒（只读模式或查看员）", "Read-only: no dispatch, undo or reminder (read-only mode or viewer)")
  }

  /// Whether `trail` (root first) reaches into the scope.
  func withinScope(_ trail: [Place]) -> Bool {
    guard let scope = access.scopeID else { return true }
    return trail.contains { $0.id == scope }
  }

  /// The refusal of a place outside the scope.
  func outOfScopeText(_ place: Place) -> String {
    words(
      "\(place.name)不在你的辖区（\(access.scopeName)）：只能查看和调度辖区内的地点",
      "\(place.name) is outside your scope (\(access.scopeName)): you see and dispatch only within it")
  }

  /// The header's access part: 只读, and 未分级 for an unscoped store.
  var accessLabel: String? {
    var parts: [String] = []
    if access.unscoped { parts.append(words("未分级", "unscoped")) }
    if access.readOnly && !isReadOnly { parts.append(words("只读", "read-only")) }
    if access.standby { parts.append(words("备库", "standby")) }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }
}
