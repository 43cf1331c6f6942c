import WanggeCore

/// What a meeting decision becomes when it is recorded: nothing (text only), a task dispatched to the
/// decision's scope exactly as `wangge dispatch` does, or a service order opened as `wangge order open` does.
public enum DecisionAction: Sendable, Hashable {
  case text
  case task(DispatchRequest)
  case order(OrderOpenRequest)
}

extension MeetingDesk {
  /// Records a decision of text only.
  public func addDecision(place: Int64, text: String, owner: String, due: Instant?, at: Instant) throws
    -> Decision
  {
    try addDecision(place: place, text: text, owner: owner, due: due, at: at, becomes: .text)
  }
}

/// The checks both engines make before a decision becomes a task or an order, in its transaction.
public enum DecisionCheck {
  /// Refuses a task for another scope than the decision's.
  public static func task(_ r: DispatchRequest, place: Int64) throws {
    guard r.scopeID == place else {
      throw MeetingInputError("--task: a decision's task goes to the decision's own --scope; record it there")
    }
  }

  /// Refuses an order for a household outside the decision's scope (`chain`: the household's unit
  /// and its ancestors, unit first; `path` names a place for the message).
  public static func order(
    _ r: OrderOpenRequest, place: Int64, chain: [Int64], path: (Int64) throws -> String
  ) throws {
    guard chain.contains(place) else {
      let home = try chain.first.map(path) ?? "?"
      throw MeetingInputError(
        "--household \(r.householdID): lives in \(home), outside the decision's scope \(try path(place)); "
          + "give a household under the scope, or record the decision at a scope that holds it")
    }
  }

  /// The due time a decision takes from its task or order when none was given.
  public static func due(_ given: Instant?, _ action: DecisionAction) -> Instant? {
    if let given { return given }
    switch action {
    case .text: return nil
    case .task(let r): return r.issuedAt + r.finishWithin
    case .order(let r): return r.at + r.deadlines.closeWithin
    }
  }
}

extension OrderBook {
  /// Opens the order a decision of `place` becomes (the same ``OrderBook/open(_:)`` as `order open`),
  /// refusing a household outside `place` first; `path` names a place for the message.
  public func openForDecision(_ r: OrderOpenRequest, place: Int64, path: (Int64) throws -> String) throws
    -> ServiceOrder
  {
    let chain = try places(from: try householdUnit(r.householdID))
    try DecisionCheck.order(r, place: place, chain: chain, path: path)
    return try open(r).value
  }

  /// Where the task or order `d` became stands: the task's tally at its scope (one row), or the
  /// order's state; nil for a decision of text only.
  public func progress(of d: Decision) throws -> DecisionProgress? {
    if let task = d.taskID {
      let row = try sql.one(
        "SELECT t.assigned, t.finished FROM task_tally t JOIN task k ON k.id = t.task_id AND k.scope_id = t.place_id WHERE t.task_id = ?",
        [.int(task)])
      if let row, let a = row[0].flatMap({ Int($0) }), let f = row[1].flatMap({ Int($0) }) {
        return .task(finished: f, assigned: a)
      }
      // A task issued to one unit has no tally at its scope: its one assignment tells.
      let one = try sql.one(
        "SELECT count(*), count(finished_at) FROM assignment WHERE task_id = ?", [.int(task)])
      return .task(
        finished: one?[1].flatMap { Int($0) } ?? 0, assigned: one?[0].flatMap { Int($0) } ?? 0)
    }
    if let id = d.orderID, let (o, _) = try order(id) { return .order(o.state, o.outcome) }
    return nil
  }
}
