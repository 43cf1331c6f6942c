import Foundation
import WanggeCore
import WanggeStore

/// The built-in simulator that keeps the demo board moving, on a background thread of its own
/// (its own store connection: the board sees its commits through the change signal).
final class DemoSimulation: @unchecked Sendable {
  private let lock = NSLock()
  private var stopped = false
  private var thread: Thread?

  /// Starts simulating about `rate` events per second on the store at `path`, only when `wangge demo`
  /// made it (its demo mark); nil otherwise (real data never gets simulated events).
  static func start(path: String, clock: any Clock, rate: Double = 5) -> DemoSimulation? {
    guard let store = try? Engines.factory.open(path, mode: .write), (try? store.isDemo()) == true else {
      return nil
    }
    let simulation = DemoSimulation()
    let simulator = Simulator(store: store, seed: UInt64(getpid()), clock: clock)
    let thread = Thread {
      try? simulator.run(rate: rate, shouldStop: { simulation.isStopped })
    }
    thread.name = "wangge-demo-simulator"
    simulation.thread = thread
    thread.start()
    return simulation
  }

  var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }

  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
  }
}
