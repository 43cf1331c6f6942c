import ArgumentParser
import Foundation
import TerminalUI
import WanggeCore
import WanggeStore

/// `wangge decision add|done|list`: the decisions a place's meeting recorded (text, owner, due).
struct DecisionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decision", abstract: "Record, finish or list a meeting's decisions.",
    subcommands: [Add.self, Done.self, List.self])

  /// `decision add --scope P --text T --owner O [--due TIME] [--task TYPE … | --order KIND --household H …] [--at]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a decision of a place's meeting; with --task or --order it becomes one.",
      discussion: """
        --task TYPE dispatches a task to every unit under --scope exactly as `wangge dispatch` does \
        (--title defaults to --text; --ack-within/--finish-within as dispatch takes them); --order KIND \
        --household H [--items …] opens a service order as `wangge order open` does (the household must \
        live under --scope). Both happen in the same transaction as the decision, which then follows \
        the task's or order's state; --due defaults to the task's finish or the order's close deadline.
        """)
    @OptionGroup var store: StoreOptions
    @Option(help: "Place path whose meeting took it.") var scope: String
    @Option(help: "What was decided (one line, up to 200 characters).") var text: String
    @Option(help: "Who carries it out (a name or a post, e.g. 第一书记).") var owner: String
    @Option(help: "By when (ISO 8601).", transform: OptionValue.instant("--due")) var due: Instant?
    @OptionGroup var task: DecisionTaskOptions
    @OptionGroup var order: DecisionOrderOptions
    @Option(help: "Operator recorded in the audit (default: the login name).") var `operator`: String?
    @OptionGroup var clock: ClockOption

    func run() throws {
      let s = try store.openForWriting()
      let now = clock.clock.now()
      do {
        let place = try resolvePlace(scope, in: s, option: "--scope")
        let action: DecisionAction
        switch (task.type, order.kind) {
        case (.some, .some): fail("--task and --order: a decision becomes one of them; give only one")
        case (.some(let type), nil):
          action = .task(
            try task.request(
              type, scope: place.id, text: text,
              operatorName: OperatorCheck.name(s, .dispatch, at: place, option: `operator`), at: now))
        case (nil, .some(let kind)): action = .order(try order.request(kind, text: text, at: now))
        case (nil, nil):
          if order.household != nil { fail("--household: only with --order KIND (the order to open)") }
          action = .text
        }
        let d = try s.addDecision(
          place: place.id, text: text, owner: owner, due: due, at: now, becomes: action)
        print("decision #\(d.id): \(d.text) (\(d.owner))" + (d.linkText.map { " → \($0)" } ?? ""))
      } catch let e as MeetingInputError { fail(e.description) } catch { failOnUserError(error) }
    }
  }

  /// `decision done ID [--at]`.
  struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Mark a decision done.")
    @OptionGroup var store: StoreOptions
    @Argument(help: "The decision's number (decision list shows it).") var id: Int64
    @OptionGroup var clock: ClockOption

    func run() throws {
      let s = try store.openForWriting()
      do {
        let d = try s.finishDecision(id, at: clock.clock.now())
        print("decision #\(d.id) done at \(InstantFormat.short(d.doneAt ?? clock.clock.now()))")
      } catch let e as MeetingError { fail(e.description) }
    }
  }

  /// `decision list --scope P [--at]`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List a place's decisions and their state.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Place path.") var scope: String
    @OptionGroup var clock: ClockOption

    func run() throws {
      let s = try store.openForReading()
      let now = clock.clock.now()
      do {
        let place = try resolvePlace(scope, in: s, option: "--scope")
        for d in try s.decisions(of: place.id, at: now) {
          let due = d.due.map { InstantFormat.short($0) } ?? "—"
          print(
            "#\(d.id)\t\(d.state(at: now).rawValue)\t\(due)\t\(d.owner)\t\(Sanitiser.line(d.text))\t"
              + d.stateText(at: now) + (d.linkText.map { "\t\($0)" } ?? ""))
        }
      } catch { failOnUserError(error) }
    }
  }
}
