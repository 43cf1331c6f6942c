import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge brief --scope P [--since BASELINE] [--format text|chat|markdown|html] [--at]`: the meeting brief.
struct BriefCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "brief",
    abstract:
      "The meeting brief: figures and their change since a baseline, overdue, late leaders, decisions.")

  enum Format: String, ExpressibleByArgument, CaseIterable { case text, chat, markdown, html }

  @OptionGroup var store: StoreOptions
  @Option(help: "Place path (default: the whole grid).") var scope: String?
  @Option(help: "Baseline name or #id (default: the latest).") var since: String?
  @Option(help: "text, chat (≤ 20 columns a line, messages under 500 characters), markdown or html (A4).")
  var format: Format = .text
  @OptionGroup var clock: ClockOption
  @Option(help: "Count tasks issued in the last N days.") var days: Int = 7

  func run() throws {
    if let p = InputBounds.rangeProblem(days, 1...InputBounds.maxDays) { fail("--days: \(p)") }
    let s = try store.openForReading()
    let now = clock.clock.now()
    do {
      let place = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
      let baseline = try s.baseline(named: since)
      let brief = try MeetingBrief.make(
        store: s, scope: place, since: baseline, at: now, window: .days(Int64(days)))
      switch format {
      case .text: print(BriefText.text(brief))
      case .markdown: print(BriefText.markdown(brief))
      case .chat: print(BriefText.chat(brief).joined(separator: "\n\n"))
      case .html: print(BriefHTML.brief(brief))
      }
    } catch let e as BaselineProblem { fail("--since: \(e.description)") } catch { failOnUserError(error) }
  }
}
