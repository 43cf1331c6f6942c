import ArgumentParser
import Foundation
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeStore

/// `wangge-bench feed`: commit → frame on another board. A writer connection commits a harmless
/// `reached` event; a board on its own connection polls the store's change feed at the board's cadence
/// (or its change token where the engine has no feed), re-reads what it shows and draws the frame.
/// With `--watch`, only draws frames (re-reading each time) for that long and reports the longest:
/// run it beside a dispatch to see whether a frame is held.
struct BenchFeedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feed",
    abstract: "Measure commit → frame on a second board (its own connection), or frames held meanwhile.",
    discussion: "Writes harmless `reached` events to the store: run it on a copy or a throw-away database.")

  @OptionGroup var store: StoreOptions
  @Option(help: "Changes committed (one event each).") var changes = 50
  @Option(help: "Seconds between the board's feed polls (the board polls every 0.05 s).") var interval = 0.05
  @Option(help: "Instead: draw frames (re-reading the overview each time) for this many seconds.") var watch:
    Double?
  @Flag(help: "Print JSON.") var json = false

  func validate() throws {
    try OptionBounds.count(changes, "--changes", 1, InputBounds.maxRepetitions)
    guard interval > 0, interval <= 1 else { throw ValidationError("--interval: between 0 and 1 s") }
    if let w = watch, !(w > 0 && w <= 3600) { throw ValidationError("--watch: between 0 and 3600 s") }
  }

  func run() throws {
    let reader = try store.openForWriting()
    let board = try Board(
      store: reader, clock: SystemClock(), language: .zh, themeName: "default", operatorName: "bench",
      storeLabel: "bench", isDemo: false)
    let backend = InMemoryBackend(width: 160, height: 48)
    if let seconds = watch { return watchFrames(board, backend, seconds: seconds) }
    let feed = try reader.changeFeed()
    let writer = try store.openForWriting()
    let households = try probe(writer).householdIDRange()
    draw(board, backend)
    var random = SystemRandomNumberGenerator()
    var latencies: [Double] = []
    var missed = 0
    let pid = ProcessInfo.processInfo.processIdentifier
    for n in 0..<changes {
      _ = feed?.poll()  // what came before this change
      let event = GridEvent(
        id: "bench-feed-\(pid)-\(n)-\(UInt32.random(in: 0...UInt32.max, using: &random))",
        at: SystemClock().now(),
        kind: .reached(household: Int64.random(in: households, using: &random), via: .phoneOnly))
      // The board's next poll falls anywhere in its interval.
      let phase = Double.random(in: 0..<interval, using: &random)
      _ = try writer.ingest([event], recordedAt: SystemClock().now())
      let committed = DispatchTime.now()
      var next = phase
      var shown = false
      while seconds(since: committed) < 2 {
        let wait = next - seconds(since: committed)
        if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
        next += interval
        let changed: Bool
        if let feed {
          changed = board.take(feed.poll(), tick: 0)
        } else {
          changed = (try? board.refreshIfChanged(tick: 0)) == true
        }
        if changed {
          draw(board, backend)
          latencies.append(seconds(since: committed) * 1000)
          shown = true
          break
        }
      }
      if !shown { missed += 1 }
    }
    let p = Percentiles(latencies)
    let how = feed == nil ? "token poll" : "change feed"
    if json {
      print(
        String(
          format: "{\"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f, \"n\": %d, \"missed\": %d, \"via\": \"%@\"}",
          p.p50, p.p99, p.max, latencies.count, missed, how))
    } else {
      print(
        String(
          format: "commit → frame p50 %.1f ms p99 %.1f ms max %.1f ms (%d changes, %d missed, %@)", p.p50,
          p.p99,
          p.max, latencies.count, missed, how))
    }
  }

  /// Re-reads and draws frames for `seconds`; prints the longest and the p99.
  func watchFrames(_ board: Board, _ backend: InMemoryBackend, seconds limit: Double) {
    let start = DispatchTime.now()
    var frames: [Double] = []
    while seconds(since: start) < limit {
      let t = DispatchTime.now()
      _ = board.take(.changed, tick: 0)
      draw(board, backend)
      frames.append(seconds(since: t) * 1000)
      usleep(10_000)
    }
    let p = Percentiles(frames)
    print(
      String(
        format: "{\"p50\": %.3f, \"p99\": %.3f, \"max\": %.3f, \"n\": %d}", p.p50, p.p99, p.max, frames.count)
    )
  }

  func draw(_ board: Board, _ backend: InMemoryBackend) {
    var buffer = Buffer(size: backend.size)
    BoardRenderer.render(board, into: &buffer, tick: 0)
    backend.draw(buffer)
  }

  func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }
}
