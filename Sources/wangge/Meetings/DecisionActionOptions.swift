import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `decision add --task TYPE [--title] [--details] [--ack-within] [--finish-within]`: the task a
/// decision dispatches, with `wangge dispatch`'s options and defaults.
struct DecisionTaskOptions: ParsableArguments {
  @Option(
    name: .customLong("task"),
    help:
      "Dispatch a task of this type to --scope: screening (排查), notice (通知), visit (走访) or census (敲门核实).",
    transform: { s in
      guard let t = TaskType(rawValue: s) ?? TaskType.allCases.first(where: { $0.chineseName == s }) else {
        throw ValidationError(
          "--task \"\(s)\": give one of \(TaskType.allCases.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", "))"
        )
      }
      return t
    })
  var type: TaskType?
  @Option(help: "The task's title (default: --text).") var title: String?
  @Option(help: "Details for the unit leaders.") var details = ""
  @Option(
    help: "Window to acknowledge, e.g. 3h, 90m, 3小时 (default: the type's).",
    transform: OptionValue.taskWindow("--ack-within"))
  var ackWithin: Span?
  @Option(
    help: "Window to finish, e.g. 15h, 1天 (default: the type's).",
    transform: OptionValue.taskWindow("--finish-within"))
  var finishWithin: Span?

  /// The dispatch `wangge dispatch` would make with these options.
  func request(_ type: TaskType, scope: Int64, text: String, operatorName: String, at: Instant) throws
    -> DispatchRequest
  {
    let r = DispatchRequest(
      scopeID: scope, type: type, title: title ?? text, details: details, ackWithin: ackWithin,
      finishWithin: finishWithin, operatorName: operatorName, issuedAt: at)
    if r.title.trimmingCharacters(in: .whitespaces).isEmpty { fail("--title: must not be empty") }
    if r.finishWithin < r.ackWithin {
      fail("--finish-within (\(r.finishWithin)) must not be shorter than --ack-within (\(r.ackWithin))")
    }
    return r
  }
}

/// `decision add --order KIND --household H [--items] [--claim-within] [--close-within]`: the service
/// order a decision opens, with `wangge order open`'s options and defaults.
struct DecisionOrderOptions: ParsableArguments {
  @Option(
    name: .customLong("order"), help: "Open a service order of this kind: \(OrderKind.accepted).",
    transform: { s in
      guard let k = OrderKind(word: s) else {
        throw ValidationError("--order \"\(s)\": give one of \(OrderKind.accepted)")
      }
      return k
    })
  var kind: OrderKind?
  @Option(help: "The order's household id (it must live under --scope).") var household: Int64?
  @Option(help: "The order's items or text (default: --text).") var items: String?
  @Option(
    help: "Claim within (default per kind, e.g. 30m).", transform: OptionValue.taskWindow("--claim-within"))
  var claimWithin: Span?
  @Option(
    help: "Close within (default per kind, e.g. 4h).", transform: OptionValue.taskWindow("--close-within"))
  var closeWithin: Span?

  /// The order `wangge order open` would open with these options.
  func request(_ kind: OrderKind, text: String, at: Instant) throws -> OrderOpenRequest {
    guard let household else {
      fail("--household: an order decision needs the household it serves (--household ID)")
    }
    var d = OrderPolicy().deadlines(for: kind)
    if let c = claimWithin { d.claimWithin = c }
    if let c = closeWithin { d.closeWithin = c }
    guard d.claimWithin <= d.closeWithin else {
      fail("--claim-within must not be longer than --close-within")
    }
    return OrderOpenRequest(
      id: "decision-order-\(household)-\(at.epochSeconds)", householdID: household, kind: kind,
      items: items ?? text, openedBy: loginName(), at: at, deadlines: d, source: "decision")
  }
}
