import Foundation
import WanggeCore
import WanggeStore

/// First run without a configured store: create the Jiaohe demo store at the default location.
enum DemoBootstrap {
  /// Returns true when no store is configured (no `--db`, no `$WANGGE_DB`): the simulator may then run,
  /// but only if the store at the default location carries the demo mark (``DemoSimulation`` checks).
  /// A new demo store's figures are generated around `anchor` (now, or the board's `--start-at`).
  static func ensureStore(_ store: StoreOptions, anchor: Instant) throws -> Bool {
    let path = store.path
    let env = ProcessInfo.processInfo.environment
    let configured = store.db != nil || env["WANGGE_DB"].map { !$0.isEmpty } == true
    let engine = try store.engine()
    if configured {
      guard engine.exists(path) else {
        fail(
          StoreError.notAStore(
            path: path, reason: "no store here; create one with `wangge demo --preset jiaohe --db \(path)`"
          ).description)
      }
      return false
    }
    if !engine.exists(path) {
      printError("演示数据 DEMO — no store configured; creating the Jiaohe demo store at \(path)")
      let meter = ProgressMeter(total: DemoPreset.jiaohe.households, label: "households")
      _ = try engine.generateDemo(
        preset: .jiaohe, seed: 1, anchor: anchor, at: path, replace: false, progress: { meter.update($0) })
      try DemoOrders.seed(try engine.open(path, mode: .write), anchor: anchor, seed: 1)
      meter.finish()
      _ = try DemoReports.write(to: try engine.open(path, mode: .write), anchor: anchor)
    }
    return true
  }
}
