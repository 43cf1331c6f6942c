import Foundation
import WanggeStore

/// The built-in simulator that keeps the demo board moving, on a background thread.
final class DemoSimulation: @unchecked Sendable {
  private let stopFlag = NSLock()
  private var stopped = false

  static func start(store: SQLiteStore) -> DemoSimulation? {
    // Filled in when the simulator lands (branch sim).
    nil
  }

  func stop() {
    stopFlag.lock()
    stopped = true
    stopFlag.unlock()
  }
}
