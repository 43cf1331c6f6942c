import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `--config FILE`: the report rules and score weights (JSON, README → Reports); defaults without it.
struct ReportConfigOption: ParsableArguments {
  @Option(
    name: .customLong("config"), help: "Report rules and score weights (JSON; defaults in README → Reports).")
  var path: String?

  var config: ReportConfig {
    guard let path else { return ReportConfig() }
    guard let data = FileManager.default.contents(atPath: path) else {
      fail("--config: cannot read \(path); give a readable JSON file or leave --config out for the defaults")
    }
    do { return try ReportConfig.parse(data, name: path) } catch { fail("\(error)") }
  }
}

/// The report commands' error exit: ReportDeskError names the field and the fix.
func failOnReportError(_ error: any Error) -> Never {
  if let e = error as? ReportDeskError { fail(e.description) }
  failOnUserError(error)
}

/// A fresh event id when `--id` is not given (the command's own time and a random tail).
func newEventID(_ prefix: String, at: Instant) -> String {
  "\(prefix)-\(at.epochSeconds)-\(UInt32.random(in: 0...UInt32.max))"
}

extension IncidentKind: ExpressibleByArgument {
  public init?(argument: String) { self.init(text: argument) }
  public static var allValueStrings: [String] { allCases.map(\.code) }
}

extension IncidentSource: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument) }
}

extension CallOutcome: ExpressibleByArgument {
  public init?(argument: String) { self.init(rawValue: argument.replacingOccurrences(of: "-", with: "_")) }
}

/// `yes` / `no` for the standard questions.
struct YesNo: ExpressibleByArgument {
  var value: Bool
  init?(argument: String) {
    switch argument.lowercased() {
    case "yes", "y", "是", "1", "true": value = true
    case "no", "n", "否", "0", "false": value = false
    default: return nil
    }
  }
}

/// How an instant is written in the commands' text output.
func when(_ i: Instant?) -> String { i.map(InstantFormat.iso) ?? "-" }
