import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge visit`: records a help visit with its outcome and the needs noted (the `visit` event).
struct VisitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "visit",
    abstract: "Record a help visit: its outcome (见到本人/不在家/电话未接/已转工单) and the needs noted.")
  @OptionGroup var store: StoreOptions
  @Option(help: "The help household's id.") var household: Int64
  @Option(help: "How it went: \(VisitOutcome.accepted).") var outcome: String = VisitOutcome.seen.rawValue
  @Option(help: "A need noted, KIND:ITEMS such as 送药:降压药 (repeatable; kinds: \(OrderKind.accepted)).")
  var need: [String] = []
  @Option(help: "Event id (default: a fresh one); the same id again changes nothing.") var id: String?
  @OptionGroup var clock: ClockOption
  @Option(help: "Who reports it, recorded with the event (default: the login name).") var `operator`: String?

  func parsed() throws -> (VisitOutcome, [VisitNeed]) {
    guard let o = VisitOutcome(word: outcome) else {
      throw ValidationError(
        "--outcome: \"\(outcome.prefix(40))\" is not allowed (allowed: \(VisitOutcome.accepted))")
    }
    if need.count > VisitNeed.maxCount {
      throw ValidationError("--need: more than \(VisitNeed.maxCount) needs (\(need.count))")
    }
    do { return (o, try need.map(VisitNeed.parse)) } catch let p as FieldProblem {
      throw ValidationError("--need: \(p.problem)")
    }
  }

  func validate() throws {
    _ = try parsed()
    if let id, let problem = InputBounds.idProblem(id) { throw ValidationError("--id: \(problem)") }
  }

  func run() throws {
    let (o, needs) = try parsed()
    let s = try store.openForWriting()
    let event = GridEvent(
      id: id ?? "cli-visit-\(UUID().uuidString)", at: clock.clock.now(),
      kind: .visited(household: household, outcome: o, needs: needs))
    do {
      let summary = try s.ingest(
        [event], recordedAt: SystemClock().now(), source: OperatorCheck.name(s, .record, option: `operator`))
      if summary.applied == 1 {
        let noted = needs.isEmpty ? "" : ", needs \(VisitNeed.shown(needs))"
        let clock = o.countsAsVisit ? "" : " (not seen: the visit is still due)"
        print("visit: household \(household), \(o.rawValue) \(o.chineseName)\(noted)\(clock)")
      } else {
        print("visit: already recorded, nothing changed")
      }
    } catch let e as StoreError {
      fail(e.description)
    }
  }
}
