import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge simulate`: keeps a store's figures moving with realistic events, from a process of its own.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract:
      "Send realistic events to a store: acknowledgements, finishes, visits, households reached, groups built.",
    discussion: """
      Events happen now, paced to --rate per second, each batch in one transaction, so boards on the same store \
      see them live. When nothing is left to acknowledge, a short notice task is issued to a random community \
      (at most one per 15 minutes). Prints one line of counts per 5 seconds (no personal data); Ctrl-C stops.
      """)

  @OptionGroup var store: StoreOptions
  @Option(help: "Events per second.") var rate: Double = 20
  @Option(help: "Random seed. Default: from the process id and the time.") var seed: UInt64?
  @Option(help: "Stop after this many seconds. Default: run until Ctrl-C.") var duration: Double?
  @OptionGroup var clock: ClockOption

  func run() throws {
    guard rate > 0, rate <= InputBounds.maxRate else {
      fail("--rate: give events per second, more than 0 and at most \(Int(InputBounds.maxRate))")
    }
    if let duration, !(duration > 0 && duration <= InputBounds.maxRunSeconds) {
      fail("--duration: give seconds, more than 0 and at most \(Int(InputBounds.maxRunSeconds)) (30 days)")
    }
    let s = try store.openForWriting()
    let seed = self.seed ?? UInt64(getpid()) &* 0x9E37_79B9 &+ UInt64(Date().timeIntervalSince1970 * 1000)
    // With --at, simulated time starts there and runs on at the real pace.
    let eventClock: any Clock = clock.instant.map { ShiftedClock(startingAt: $0) } ?? SystemClock()
    let simulator = Simulator(store: s, seed: seed, clock: eventClock)
    let stop = StopRequest.onInterrupt()
    @Sendable func uptime() -> Double { ProcessInfo.processInfo.systemUptime }
    let deadline = duration.map { uptime() + $0 }
    print("simulating \(rate.formatted()) events/s on \(s.location); Ctrl-C stops")
    var printed = SimulationCounts()
    var printedAt = uptime()
    func report(_ counts: SimulationCounts) {
      print("\(InstantFormat.clock(eventClock.now())) \(counts.since(printed))")
      printed = counts
      printedAt = uptime()
    }
    do {
      try simulator.run(
        rate: rate, shouldStop: { stop.isRequested || deadline.map { uptime() >= $0 } ?? false },
        onBatch: { counts in if uptime() - printedAt >= 5 { report(counts) } })
    } catch let e as StoreError {
      fail(e.description)
    }
    if simulator.counts != printed { report(simulator.counts) }
    print("total: \(simulator.counts)")
  }
}

/// Set by Ctrl-C (SIGINT) or SIGTERM, so a loop can finish its batch and stop cleanly.
final class StopRequest: @unchecked Sendable {
  private let lock = NSLock()
  private var requested = false
  private var sources: [any DispatchSourceSignal] = []

  var isRequested: Bool {
    lock.lock()
    defer { lock.unlock() }
    return requested
  }

  /// Starts listening for SIGINT and SIGTERM.
  static func onInterrupt() -> StopRequest {
    let request = StopRequest()
    for sig in [SIGINT, SIGTERM] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler { request.set() }
      source.resume()
      request.sources.append(source)
    }
    return request
  }

  private func set() {
    lock.lock()
    requested = true
    lock.unlock()
  }
}
