import ArgumentParser
import Foundation
import WanggeCore
import WanggeSQLite
import WanggeStore

/// `wangge bench-report`: the figures of `report --scope` computed in-process, warm, many times.
struct BenchReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Time the figures of one place (in-process, warm): p50 and p99.")

  @OptionGroup var store: StoreOptions
  @Option(help: "Place path (default: the whole grid).") var scope: String?
  @Option(
    help: "Judge deadlines at this time (ISO 8601) instead of now.", transform: benchInstant)
  var at: Instant?
  @Option(help: "Runs.") var runs = 200

  func validate() throws { try OptionBounds.count(runs, "--runs", 1, InputBounds.maxRepetitions) }

  func run() throws {
    let s = try store.openForReading()
    let now = at ?? SystemClock().now()
    let place: Place
    do {
      place = try scope.map { try s.resolve(PlacePath(parsing: $0)) } ?? s.root()
    } catch {
      failOnUserError(error)
    }
    var times: [Double] = []
    for _ in 0..<max(1, runs) {
      let start = DispatchTime.now()
      _ = try PlaceReport.make(store: s, scope: place, at: now, window: .days(7))
      times.append(Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
    let p = Percentiles(times)
    print(
      String(
        format: "{\"p50\": %.4f, \"p99\": %.4f, \"max\": %.4f, \"runs\": %d}", p.p50, p.p99, p.max,
        times.count))
  }
}
