import Foundation
import GRDB
import WanggeCore

/// Generates realistic grid events at the clock's now and applies them through ``SQLiteStore/ingest(_:recordedAt:)``.
///
/// As a command station sees it: acknowledgements of open tasks (the most), finishes, visits to help
/// households (most overdue first), households newly reached, unit groups built. Every event is one the
/// store accepts; rows are chosen with short indexed probes, so a step stays cheap on a city store.
/// When nothing is left to acknowledge it issues a short `notice` task over a random community (at most
/// one per 15 minutes of clock time). It runs only on a store `wangge demo` made (its `demo` mark). Event ids (`sim-<pid>-<start ms>-<instance>-<n>`) are unique across
/// processes and simulators. Use one simulator from one thread at a time; several may share a store.
public final class Simulator: @unchecked Sendable {
  let store: SQLiteStore
  let clock: any Clock
  var rng: SeededRandom
  private let idPrefix: String
  private var sequence = 0
  /// Everything sent so far, by kind.
  public private(set) var counts = SimulationCounts()
  /// Read on the first step: the grid does not change shape while simulating.
  var shape: GridShape?
  /// Each task's range of unit ids, read once per task.
  var unitRanges: [Int64: ClosedRange<Int64>] = [:]

  public init(store: SQLiteStore, seed: UInt64, clock: any Clock) {
    self.store = store
    self.clock = clock
    rng = SeededRandom(seed: seed)
    let started = Int64(Date().timeIntervalSince1970 * 1000)
    idPrefix = "sim-\(getpid())-\(started)-\(Self.instances.next())-"
  }

  /// Generates `count` events at the clock's now and applies them in one batch. Fewer are sent only
  /// when the store has nothing left to do of any kind.
  public func step(events count: Int) throws -> IngestSummary {
    guard count > 0 else { return IngestSummary() }
    let now = clock.now()
    let shape = try loadShape()
    var work = try store.pool.read { db in try PendingWork(db, shape: shape, now: now) }
    if work.pendingAcks == 0, try issueNoticeIfDue(shape: shape, now: now) {
      counts.tasksIssued += 1
      work = try store.pool.read { db in try PendingWork(db, shape: shape, now: now) }
    }
    let planned = try store.pool.read { db in
      try plan(db, count: count, work: &work, shape: shape, now: now)
    }
    guard !planned.isEmpty else { return IngestSummary() }
    let events = planned.map { kind, event in
      sequence += 1
      return GridEvent(id: idPrefix + String(sequence), at: now, kind: event)
    }
    let summary = try store.ingest(events, recordedAt: now, source: "sim")
    for (kind, _) in planned { counts.count(kind) }
    counts.ingest.add(summary)
    return summary
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
      // Owed events follow the wall clock; a slow store drops backlog beyond 2 s instead of bursting.
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

  /// Reads the grid's shape once; refuses (``StoreError/notAStore``) a store without the demo mark,
  /// so that simulated events never reach real data.
  private func loadShape() throws -> GridShape {
    if let shape { return shape }
    guard try store.isDemo() else {
      throw StoreError.notAStore(
        path: store.path,
        reason:
          "is not a demo store (it has no demo mark, so it may hold real data); the simulator runs only on "
          + "stores made by `wangge demo`")
    }
    let loaded = try store.pool.read { db in try GridShape(db) }
    shape = loaded
    return loaded
  }

  /// Numbers simulators within a process, so two started in the same millisecond get different ids.
  private static let instances = LockedCounter()
}

/// A counter that any thread may bump.
final class LockedCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0

  func next() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
