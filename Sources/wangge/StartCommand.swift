import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge` with no subcommand: opens the configured store, or on first run creates the Jiaohe demo
/// store at the default location, then shows the figures for the whole grid.
struct StartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "start",
    abstract: "Show the grid's figures; with no store configured, create the Jiaohe demo store first.")

  @OptionGroup var store: StoreOptions

  func run() throws {
    let path = store.path
    let configured = store.db != nil || ProcessInfo.processInfo.environment["WANGGE_DB"].map { !$0.isEmpty } == true
    if !FileManager.default.fileExists(atPath: path) {
      if configured { fail(StoreError.notAStore(path: path, reason: "no store here; create one with `wangge demo --preset jiaohe --db \(path)`").description) }
      printError("演示数据 DEMO — no store configured; creating the Jiaohe demo store at \(path)")
      let meter = ProgressMeter(total: DemoPreset.jiaohe.households, label: "households")
      _ = try DemoGenerator(preset: .jiaohe, seed: 1, anchor: SystemClock().now()).generate(to: path, replace: false) {
        meter.update($0)
      }
      meter.finish()
    }
    let s = try store.open()
    if (try? s.meta("demo")) == "1" { print("演示数据 DEMO — generated figures, not real people") }
    let report = try PlaceReport.make(store: s, scope: try s.root(), at: SystemClock().now(), window: .days(7))
    print(ReportText.render(report))
  }
}
