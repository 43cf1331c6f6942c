import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// The options `ack` and `done` share: which assignment, when.
struct AssignmentOptions: ParsableArguments {
  @OptionGroup var store: StoreOptions
  @Option(help: "Task id (see `wangge tasks`).") var task: Int64
  @Option(help: "Unit path, e.g. 河北街道/水映花城社区/水映花城居民委/水映花城小区/12号楼/3单元, or its id.") var unit: String
  @OptionGroup var clock: ClockOption
  @Option(help: "Who reports it, recorded with the event (default: the login name).") var `operator`: String?

  var unitRef: GridEvent.UnitRef { Int64(unit).map { .id($0) } ?? .path(PlacePath(parsing: unit)) }
  /// When it happened: `--at`, else now.
  var instant: Instant { clock.clock.now() }

  /// Applies one event with a fresh id and reports what it did.
  func apply(_ kind: GridEvent.Kind, verb: String) throws {
    let s = try store.openForWriting()
    let event = GridEvent(id: "cli-\(verb)-\(UUID().uuidString)", at: instant, kind: kind)
    do {
      let summary = try s.ingest(
        [event], recordedAt: SystemClock().now(), source: OperatorCheck.name(s, .record, option: `operator`))
      print(
        summary.applied == 1
          ? "\(verb): task \(task), unit \(unit)" : "\(verb): already recorded, nothing changed")
    } catch let e as StoreError {
      fail(e.description)
    }
  }
}

/// `wangge ack`: a unit leader acknowledges an assignment.
struct AckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "ack", abstract: "Record an acknowledgement.")
  @OptionGroup var options: AssignmentOptions
  func run() throws {
    try options.apply(.acknowledged(task: options.task, unit: options.unitRef), verb: "acknowledged")
  }
}

/// `wangge done`: a unit leader finishes an assignment.
struct DoneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "done", abstract: "Record a finished assignment.")
  @OptionGroup var options: AssignmentOptions
  @Option(help: "Result as a JSON object, e.g. {\"checked\":12}.") var result: String?

  func validate() throws {
    if let result, (try? JSONSerialization.jsonObject(with: Data(result.utf8))) as? [String: Any] == nil {
      throw ValidationError("--result: not a JSON object (e.g. {\"checked\":12,\"from_risk_areas\":0})")
    }
    if let result, let problem = InputBounds.resultProblem(result) {
      throw ValidationError("--result: \(problem)")
    }
    if let result {
      do { _ = try ScreeningResult.parse(result, at: options.instant) } catch let p as FieldProblem {
        throw ValidationError("--result: \(p.field): \(p.problem)")
      }
    }
  }

  func run() throws {
    try options.apply(.finished(task: options.task, unit: options.unitRef, result: result), verb: "finished")
  }
}
