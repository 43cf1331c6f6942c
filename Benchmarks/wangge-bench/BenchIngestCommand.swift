import ArgumentParser
import Foundation
import WanggeCore
import WanggeSQLite
import WanggeStore

/// `wangge bench-ingest`: acknowledgements through the store's ingest (rollups kept), without JSON
/// parsing, to separate the engine's rate from the command line's.
struct BenchIngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Measure acknowledgement ingest through the store (rollups kept), without JSON parsing.",
    discussion: "Acknowledges pending assignments of a task: run it on a copy of the store.")

  @OptionGroup var store: StoreOptions
  @Option(help: "Task whose pending assignments are acknowledged (default: the newest task).") var task:
    Int64?
  @Option(help: "How many acknowledgements.") var events = 200_000
  @Option(help: "Events per transaction.") var batch = 10_000
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    try OptionBounds.count(events, "--events", 1, InputBounds.maxBenchEvents)
    try OptionBounds.count(batch, "--batch", 1, InputBounds.maxBatch)
  }

  func run() throws {
    let s = try store.openForWriting()
    let taskID = try task ?? probe(s).newestTaskID()
    let units = try probe(s).pendingUnits(task: taskID, limit: events)
    guard !units.isEmpty else { fail("task \(taskID) has no pending assignment; dispatch one first") }
    let now = SystemClock().now()
    let stamp = "\(getpid())-\(now.epochSeconds)"
    let all = units.enumerated().map { i, unit in
      GridEvent(id: "bench-ack-\(stamp)-\(i)", at: now, kind: .acknowledged(task: taskID, unit: .id(unit)))
    }
    let start = DispatchTime.now()
    var applied = 0
    for first in stride(from: 0, to: all.count, by: batch) {
      applied += try s.ingest(Array(all[first..<min(first + batch, all.count)]), recordedAt: now).applied
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    let rate = Double(applied) / seconds
    if json {
      print(
        String(format: "{\"events\": %d, \"seconds\": %.3f, \"events_per_s\": %.0f}", applied, seconds, rate))
    } else {
      print(
        String(format: "%d acknowledgements in %.2f s = %.0f events/s (rollups kept)", applied, seconds, rate)
      )
    }
  }
}
