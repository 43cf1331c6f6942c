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

  /// `decision add --scope P --text T --owner O [--due TIME] [--at]`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Record a decision of a place's meeting.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Place path whose meeting took it.") var scope: String
    @Option(help: "What was decided (one line, up to 200 characters).") var text: String
    @Option(help: "Who carries it out (a name or a post, e.g. 第一书记).") var owner: String
    @Option(help: "By when (ISO 8601).", transform: OptionValue.instant("--due")) var due: Instant?
    @OptionGroup var clock: ClockOption

    func run() throws {
      let s = try store.openForWriting()
      do {
        let place = try resolvePlace(scope, in: s, option: "--scope")
        let d = try s.addDecision(place: place.id, text: text, owner: owner, due: due, at: clock.clock.now())
        print("decision #\(d.id): \(d.text) (\(d.owner))")
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
          print("#\(d.id)\t\(d.state(at: now).rawValue)\t\(due)\t\(d.owner)\t\(Sanitiser.line(d.text))")
        }
      } catch { failOnUserError(error) }
    }
  }
}
