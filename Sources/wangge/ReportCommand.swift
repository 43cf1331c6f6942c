import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge report`: the figures for each child of a place, and the place's own totals.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report", abstract: "Figures for each child of a place and the place's totals.")

  @OptionGroup var store: StoreOptions
  @Option(help: "Place path, e.g. 河北街道/水映花城社区 (default: the whole grid).") var scope: String?
  @Flag(help: "Print JSON (shape in the README).") var json = false
  @OptionGroup var clock: ClockOption
  @Option(help: "Count tasks issued in the last N days.") var days: Int = 7

  func run() throws {
    let s = try store.openForReading()
    let now = clock.clock.now()
    if let p = InputBounds.rangeProblem(days, 1...InputBounds.maxDays) { fail("--days: \(p)") }
    let place: Place
    do {
      place = try scope.map { try resolvePlace($0, in: s, option: "--scope") } ?? s.root()
    } catch let e as StoreError {
      fail("--scope: \(e.description)")
    }
    let report = try PlaceReport.make(store: s, scope: place, at: now, window: .days(Int64(days)))
    let tasks = try s.tasks(in: place.id, at: now, window: .days(Int64(days)))
    if json {
      print(try ReportJSON.withScreening(report, tasks: tasks, store: s, scope: place.id, at: now))
    } else {
      print(ReportText.render(report, tasks: tasks))
    }
    if !json { LateArrivalNote.show(store: s, report: report, at: now) }
  }
}
