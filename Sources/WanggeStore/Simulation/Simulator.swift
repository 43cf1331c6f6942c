import Foundation
import WanggeCore

/// Generates realistic grid events at the clock's now and applies them through the store contract.
///
/// As a command station sees it: acknowledgements of open tasks (the most), finishes, visits to help
/// households (most overdue first), households newly reached, unit groups built; the engine's
/// ``EventPlanner`` chooses the rows. When nothing is left to acknowledge it issues a short `notice` over
/// a random community through ``TaskDesk/dispatch(_:)`` — audited like any dispatch, by operator `sim` —
/// at most one per 15 minutes of clock time. It runs only on a store `wangge demo` made (its demo mark).
/// Event ids (`sim-<pid>-<start>-<instance>-<n>`) are unique across processes and simulators. Use one
/// simulator from one thread at a time; several may share a store.
public final class Simulator: @unchecked Sendable {
  let store: any GridStore
  let clock: any Clock
  var rng: SeededRandom
  private let seed: UInt64
  private let idPrefix: String
  private var sequence = 0
  private var planner: (any EventPlanner)?
  /// Everything sent so far, by kind.
  public private(set) var counts = SimulationCounts()

  public init(store: any GridStore, seed: UInt64, clock: any Clock) {
    self.store = store
    self.clock = clock
    self.seed = seed
    rng = SeededRandom(seed: seed)
    // Unique per process start without reading the wall clock: the monotonic clock in nanoseconds.
    let started = UInt64(ProcessInfo.processInfo.systemUptime * 1e9)
    idPrefix = "sim-\(getpid())-\(started)-\(Self.instances.next())-"
  }

  static let noticeTitles = ["核酸检测时间调整通知", "居家健康监测提醒", "生活物资配送安排通知", "出行报备提醒", "疫苗接种预约通知"]

  /// Generates `count` events at the clock's now and applies them in one batch. Fewer are sent only
  /// when the store has nothing left to do of any kind.
  public func step(events count: Int) throws -> IngestSummary {
    guard count > 0 else { return IngestSummary() }
    let now = clock.now()
    let planner = try loadPlanner()
    if try planner.pendingAcknowledgements(at: now) == 0, try issueNoticeIfDue(planner, now: now) {
      counts.tasksIssued += 1
    }
    let planned = try planner.plan(count: count, at: now)
    guard !planned.isEmpty else { return IngestSummary() }
    let events = planned.map { kind, event in
      sequence += 1
      return GridEvent(id: idPrefix + String(sequence), at: now, kind: event)
    }
    let summary = try store.ingest(events, recordedAt: now, source: "sim")
    try stepOrders(at: now)  // orders and green channels beside the events (Orders/Simulator+Orders.swift)
    _ = try fileOccasionalReport(at: now)
    for (kind, _) in planned { counts.count(kind) }
    counts.ingest.add(summary)
    return summary
  }

  /// Issues a short notice over a random community when the newest task is at least 15 minutes old (so
  /// several simulators do not flood the board with tasks). Returns whether it did.
  private func issueNoticeIfDue(_ planner: any EventPlanner, now: Instant) throws -> Bool {
    if let newest = try planner.newestTaskIssue(), newest > now - .minutes(15) { return false }
    guard let scope = try planner.noticeScope() else { return false }
    let title = Self.noticeTitles[rng.below(Self.noticeTitles.count)]
    _ = try store.dispatch(
      DispatchRequest(
        scopeID: scope, type: .notice, title: title, details: "模拟数据", operatorName: "sim", issuedAt: now))
    return true
  }

  /// Steps until `shouldStop` says so, at about `rate` events per second: a small batch every 200 ms,
  /// sleeping in between (no busy waiting). `onBatch` sees the running counts after each batch.
  public func run(
    rate: Double, shouldStop: @Sendable () -> Bool, onBatch: ((SimulationCounts) -> Void)? = nil
  ) throws {
    precondition(rate > 0, "rate must be positive")
    let tick: UInt64 = 200_000_000
    var last = DispatchTime.now().uptimeNanoseconds
    var owed = 0.0
    while !shouldStop() {
      let now = DispatchTime.now().uptimeNanoseconds
      // Owed events follow the monotonic clock; a slow store drops backlog beyond 2 s instead of bursting.
      owed = min(owed + rate * Double(now - last) / 1e9, max(rate, 1) * 2)
      last = now
      let n = Int(owed)
      if n > 0 {
        owed -= Double(n)
        _ = try step(events: n)
        onBatch?(counts)
      }
      let spent = DispatchTime.now().uptimeNanoseconds - now
      if spent < tick { usleep(useconds_t((tick - spent) / 1000)) }
    }
  }

  /// The engine's planner, made once; refuses (``StoreError/notAStore``) a store without the demo mark,
  /// so that simulated events never reach real data.
  private func loadPlanner() throws -> any EventPlanner {
    if let planner { return planner }
    guard try store.isDemo() else {
      throw StoreError.notAStore(
        path: store.location,
        reason:
          "is not a demo store (it has no demo mark, so it may hold real data); the simulator runs only on "
          + "stores made by `wangge demo`")
    }
    let made = try store.eventPlanner(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 1)
    planner = made
    return made
  }

  /// Numbers simulators within a process, so two started in the same instant get different ids.
  private static let instances = LockedCounter()
}

/// A counter that any thread may bump.
public final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  public init() {}

  public func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
