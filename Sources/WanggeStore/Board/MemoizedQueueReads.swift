import WanggeCore

/// The action queue's reads with each place's children, figures and task summaries kept for one
/// queue: the walks of several overdue tasks go down through the same places and read them once.
final class MemoizedQueueReads<Base: ActionQueueReads>: ActionQueueReads {
  let base: Base
  private var childrenOf: [Int64: [Place]] = [:]
  private var figuresOf: [Int64: PlaceFigures] = [:]
  private var tasksIn: [Int64: [TaskSummary]] = [:]

  init(_ base: Base) { self.base = base }

  func children(of id: Int64) throws -> [Place] {
    if let kept = childrenOf[id] { return kept }
    let read = try base.children(of: id)
    childrenOf[id] = read
    return read
  }

  /// One `now` and `window` per queue, so a place's figures are read at most once.
  func figures(for ids: [Int64], at now: Instant, window: Span) throws -> [Int64: PlaceFigures] {
    let missing = ids.filter { figuresOf[$0] == nil }
    if !missing.isEmpty {
      figuresOf.merge(try base.figures(for: missing, at: now, window: window)) { _, new in new }
    }
    var out: [Int64: PlaceFigures] = [:]
    for id in ids { if let f = figuresOf[id] { out[id] = f } }
    return out
  }

  func tasks(in scope: Int64, at now: Instant, window: Span) throws -> [TaskSummary] {
    if let kept = tasksIn[scope] { return kept }
    let read = try base.tasks(in: scope, at: now, window: window)
    tasksIn[scope] = read
    return read
  }

  func assignments(of task: Int64, under scope: Int64, at now: Instant, limit: Int) throws
    -> [AssignmentDetail]
  {
    try base.assignments(of: task, under: scope, at: now, limit: limit)
  }

  func overdueAssignments(of task: Int64, at now: Instant, limit: Int) throws -> [AssignmentDetail] {
    try base.overdueAssignments(of: task, at: now, limit: limit)
  }

  func urgentHelp(under scope: Int64, at now: Instant, green: Int, late: Int) throws -> [HelpCaseRow] {
    try base.urgentHelp(under: scope, at: now, green: green, late: late)
  }
}
