/// Where the task or order a decision became stands (read from the task's tally or the order's row).
public enum DecisionProgress: Hashable, Sendable, Codable {
  /// The task's units that finished of those assigned (at the task's scope).
  case task(finished: Int, assigned: Int)
  /// The order's state and, once closed, its outcome.
  case order(OrderState, OrderOutcome?)

  /// True when the task's every unit finished or the order is closed.
  public var isComplete: Bool {
    switch self {
    case .task(let finished, let assigned): assigned > 0 && finished >= assigned
    case .order(let state, _): state == .closed
    }
  }
}

extension Decision {
  /// The state in words for the brief and `decision list`: 进行中 / 已完成 / 已超期, with the task's
  /// progress (进行中 3/12 单元已完成) or the order's state (工单待领, 工单已领, 工单已结（已送达）).
  public func stateText(at now: Instant) -> String {
    let word =
      switch state(at: now) {
      case .open: "进行中"
      case .done: "已完成"
      case .overdue: "已超期"
      }
    switch progress {
    case nil: return word
    case .task(let finished, let assigned):
      return state(at: now) == .done && finished >= assigned
        ? "\(word) \(finished)/\(assigned) 单元" : "\(word) \(finished)/\(assigned) 单元已完成"
    case .order(let s, let outcome):
      if s == .closed { return "工单已结" + (outcome.map { "（\($0.chineseName)）" } ?? "") }
      return "\(word) 工单\(s.chineseName)"
    }
  }

  /// `任务#7` or `工单#ID` for the task or order it became; nil for a decision of text only.
  public var linkText: String? {
    if let taskID { return "任务#\(taskID)" }
    if let orderID { return "工单#\(orderID)" }
    return nil
  }
}
