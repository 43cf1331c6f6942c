import TerminalUI
import WanggeCore
import WanggeStore

extension Board {
  /// `:decision [HEAD /] TEXT / OWNER [/ DUE]` — records a meeting decision at the place on screen (DUE:
  /// an instant such as `2026-11-28 18:00`, or `+Nh` from now). HEAD makes it a task or an order in the
  /// same transaction (``decisionAction(_:text:now:)``): `任务 排查 [3h [15h]]` or `工单 买药 户号 [物品]`.
  /// The station view lists it with its task's or order's state.
  func addDecision(_ argument: String, tick: Double) throws {
    var parts = argument.split(separator: "/", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    let usage = words(
      "用法：:decision [任务 排查 3h 15h / | 工单 买药 户号 /] 事项 / 负责人 [/ 时限 +24h]（? 看帮助）",
      "Usage: :decision [task TYPE [ACK FINISH] / | order KIND HOUSEHOLD /] TEXT / OWNER [/ DUE] (? for help)")
    let now = clock.now()
    var action = DecisionAction.text
    if parts.count >= 3, let head = decisionAction(parts[0], text: parts[1], now: now) {
      switch head {
      case .success(let a): action = a
      case .failure(let p):
        say(p.message, kind: .late, tick: tick)
        return
      }
      parts.removeFirst()
    }
    guard parts.count == 2 || parts.count == 3, let desk = store as? any MeetingDesk else {
      say(usage, kind: .late, tick: tick)
      return
    }
    var due: Instant?
    if parts.count == 3 {
      due = Self.decisionDue(parts[2], now: now)
      if due == nil {
        say(usage, kind: .late, tick: tick)
        return
      }
    }
    if let problem = Decision.problem(text: parts[0], owner: parts[1]) {
      say(problem, kind: .late, tick: tick)
      return
    }
    let d = try desk.addDecision(
      place: place.id, text: parts[0], owner: parts[1], due: due, at: now, becomes: action)
    say(
      words("已记录决定 #\(d.id)：", "Decision #\(d.id) recorded: ") + d.text
        + (d.linkText.map { " → \($0)" } ?? ""), tick: tick)
    try reload(compare: false, tick: tick)
  }

  /// A due time as typed: `+Nh` / `+Nm` from now, or an instant `InstantFormat` reads.
  static func decisionDue(_ text: String, now: Instant) -> Instant? {
    if text.hasPrefix("+"), let unit = text.last, let n = Int64(text.dropFirst().dropLast()), n > 0,
      n <= 24 * 30
    {
      switch unit {
      case "h": return now + Span(seconds: n * 3600)
      case "m": return now + Span(seconds: n * 60)
      case "d": return now + Span(seconds: n * 86_400)
      default: return nil
      }
    }
    return InstantFormat.parse(text)
  }
}
