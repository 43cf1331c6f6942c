import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge dispatch`: issue a task to every unit under a place, for scripts and chat-bot bridges.
struct DispatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dispatch", abstract: "Issue a task to every unit under a place (one transaction, audited).")

  @OptionGroup var store: StoreOptions
  @Option(help: "Place path, e.g. 河北街道/水映花城社区 (the root's name for the whole grid).") var scope: String
  @Option(
    name: [.customLong("type"), .customLong("kind")],
    help: "Task type: screening (排查), notice (通知), visit (走访) or census (敲门核实).")
  var type: TaskType
  @Option(help: "Title of the task.") var title: String
  @Option(help: "Details for the unit leaders.") var details = ""
  @Option(
    help: "Window to acknowledge, e.g. 3h, 90m, 1d12h, 3小时 (default: the type's).",
    transform: OptionValue.taskWindow("--ack-within"))
  var ackWithin: Span?
  @Option(
    help: "Window to finish, e.g. 15h, 1天 (default: the type's).",
    transform: OptionValue.taskWindow("--finish-within"))
  var finishWithin: Span?
  @Option(help: "Operator recorded in the audit (default: the login name).") var `operator`: String?
  @Flag(help: "Print JSON.") var json = false
  @OptionGroup var clock: ClockOption

  func validate() throws {
    guard !title.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError("--title: must not be empty")
    }
  }

  func run() throws {
    let s = try store.openForWriting()
    let kind = type
    let ack = ackWithin ?? kind.defaultAckWindow
    let finish = finishWithin ?? kind.defaultFinishWindow
    guard finish >= ack else {
      fail("--finish-within (\(finish)) must not be shorter than --ack-within (\(ack))")
    }
    do {
      let place = try resolvePlace(scope, in: s, option: "--scope")
      let receipt = try s.dispatch(
        DispatchRequest(
          scopeID: place.id, type: kind, title: title, details: details, ackWithin: ack, finishWithin: finish,
          operatorName: OperatorCheck.name(s, .dispatch, at: place, option: `operator`),
          issuedAt: clock.clock.now()))
      if json {
        let scopeText = place.parentID == nil ? place.name : try s.path(of: place.id).description
        print(CommandJSON.text(DispatchJSON(receipt, scope: scopeText)))
      } else {
        print(
          "task \(receipt.taskID): \(receipt.assignments.grouped) assignments to \(receipt.fanOut.unitLeaders.grouped) unit leaders (\(receipt.fanOut.households.grouped) households)"
        )
      }
    } catch {
      failOnUserError(error)
    }
  }
}

/// The operator: `--operator`, else the login name.
enum OperatorName {
  static func resolve(_ option: String?) -> String {
    if let option, !option.isEmpty { return option }
    return ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
  }
}
