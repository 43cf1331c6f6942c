import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge tasks`: tasks reaching a place, with progress, overdue counts, escalation and reminders.
struct TasksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tasks", abstract: "Tasks in scope with progress, overdue counts and escalation level.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Place path (default: the whole grid).") var scope: String?
  @Option(help: "Count tasks issued in the last N days.") var days: Int = 7
  @OptionGroup var clock: ClockOption
  @Flag(help: "Print JSON.") var json = false

  func validate() throws { try OptionBounds.days(days) }

  func run() throws {
    let s = try store.openForReading()
    let now = clock.clock.now()
    do {
      let place = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
      let list = try s.tasks(in: place.id, at: now, window: .days(Int64(days)))
      if json {
        print(CommandJSON.text(TasksJSON(scope: try s.path(of: place.id).description, at: now, list)))
        return
      }
      for t in list {
        print(
          "\(t.task.id)\t\(t.task.type.chineseName)\t\(field(t.task.title))\tack \(t.tally.acknowledged.grouped)/\(t.tally.assigned.grouped)\tdone \(t.tally.finished.grouped)\toverdue \(t.acknowledgementsOverdue.grouped)+\(t.finishesOverdue.grouped)\t\(t.escalation.code)\treminders \(t.reminders)"
        )
      }
    } catch {
      failOnUserError(error)
    }
  }
}

/// `wangge remind`: record a reminder to every leader overdue now on a task.
struct RemindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remind", abstract: "Remind every overdue unit leader of a task (audited).")
  @OptionGroup var store: StoreOptions
  @Option(help: "Task id.") var task: Int64
  @Option(help: "Place path (default: the whole grid).") var scope: String?
  @Option(help: "Operator recorded in the audit (default: the login name).") var `operator`: String?
  @OptionGroup var clock: ClockOption

  func run() throws {
    let s = try store.openForWriting()
    do {
      let place =
        try scope.map { try resolvePlace($0, in: s, option: "--scope") }
        ?? OperatorCheck.gate(s).scopeRoot(in: s)
      let name = OperatorCheck.name(s, .remind, at: place, option: `operator`)
      let n = try s.remind(task: task, under: place.id, operator: name, at: clock.clock.now())
      print("reminded \(n.grouped) unit leaders")
    } catch {
      failOnUserError(error)
    }
  }
}

/// `wangge rankings`: stations, departments or squads by on-time acknowledgement and finish.
struct RankingsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rankings",
    abstract: "Rank stations, departments or squads by on-time acknowledgement and finish.")
  @OptionGroup var store: StoreOptions
  @Option(help: "Rank by station, department or squad.") var by: RankingDimension = .department
  @Option(help: "One task (default: every task of the last --days).") var task: Int64?
  @Option(help: "Place path (default: the whole grid).") var scope: String?
  @Option(help: "Days counted without --task.") var days: Int = 7
  @OptionGroup var clock: ClockOption

  func validate() throws {
    try OptionBounds.days(days)
  }

  func run() throws {
    let s = try store.openForReading()
    do {
      let place = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
      let rows = try s.rankings(
        by: by, task: task, under: place.id, at: clock.clock.now(),
        window: .days(Int64(days)))
      for (i, r) in rows.enumerated() {
        let ack = r.ackRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
        let fin = r.finishRate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
        print(
          "\(i + 1)\t\(field(r.name))\tack on time \(ack)\tdone on time \(fin)\tassigned \(r.tally.assigned.grouped)"
        )
      }
    } catch {
      failOnUserError(error)
    }
  }
}
