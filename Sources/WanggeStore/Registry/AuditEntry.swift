import WanggeCore

/// One record of the audit trail: who did what, when, where.
public struct AuditEntry: Hashable, Sendable {
  public var at: Instant
  public var `operator`: String
  public var action: String
  public var taskID: Int64?
  public var scopeID: Int64?
  public var detail: String
  public init(
    at: Instant, operator who: String, action: String, taskID: Int64?, scopeID: Int64?, detail: String
  ) {
    self.at = at
    self.operator = who
    self.action = action
    self.taskID = taskID
    self.scopeID = scopeID
    self.detail = detail
  }
}
