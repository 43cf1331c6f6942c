import ArgumentParser
import Foundation
import TerminalUI
import WanggeBoard
import WanggeCore
import WanggeSQLite
import WanggeStore

/// `wangge bench-board`: the board's latencies measured headless through the in-memory backend.
struct BenchBoardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "board",
    abstract: "Measure first frame, drill-down and refresh latency and memory of the board (headless).",
    discussion: "Writes harmless `reached` events to the store to trigger refreshes: run it on a copy.")

  @OptionGroup var store: StoreOptions
  @Option(help: "Drill-down walks from the top to a unit and back.") var walks = 30
  @Option(help: "Refreshes after a change.") var refreshes = 50
  @Option(help: "Frame size as WIDTHxHEIGHT.") var size = "160x48"
  @Flag(help: "Print JSON instead of text.") var json = false

  func validate() throws {
    try OptionBounds.count(walks, "--walks", 0, InputBounds.maxRepetitions)
    try OptionBounds.count(refreshes, "--refreshes", 0, InputBounds.maxRepetitions)
    _ = try OptionBounds.size(size, example: "160x48")
  }

  func run() throws {
    let started = DispatchTime.now()
    let s = try store.openForWriting()
    let frameSize = try OptionBounds.size(size, example: "160x48")
    let backend = InMemoryBackend(width: frameSize.width, height: frameSize.height)
    let board = try Board(
      store: s, clock: SystemClock(), language: .zh, themeName: "default", operatorName: "bench",
      storeLabel: "bench", isDemo: false)
    frame(board, backend)
    let firstFrame = milliseconds(since: started)
    let rss = residentMegabytes()

    var random = SystemRandomNumberGenerator()
    var drills: [Double] = []
    for _ in 0..<walks {
      var depth = 0
      while board.view != .unit, !board.rows.isEmpty, depth < 10 {
        let count = board.rows.count
        for _ in 0..<Int.random(in: 0..<min(count, 8), using: &random) { _ = board.handle(.down, tick: 0) }
        drills.append(
          time {
            _ = board.handle(.enter, tick: 0); frame(board, backend)
          })
        depth += 1
      }
      while board.trail.count > 1 {
        drills.append(
          time {
            _ = board.handle(.escape, tick: 0); frame(board, backend)
          })
      }
    }

    var refreshTimes: [Double] = []
    let households = try probe(s).householdIDRange()
    for n in 0..<refreshes {
      let id = Int64.random(in: households, using: &random)
      let event = GridEvent(
        id:
          "bench-board-\(ProcessInfo.processInfo.processIdentifier)-\(n)-\(UInt32.random(in: 0...UInt32.max))",
        at: SystemClock().now(), kind: .reached(household: id, via: .inGroup))
      _ = try s.ingest([event], recordedAt: SystemClock().now())
      refreshTimes.append(
        time {
          _ = try? board.refreshIfChanged(tick: 0); frame(board, backend)
        })
    }
    let result = BenchFigures(
      firstFrameMs: firstFrame, drill: Percentiles(drills), refresh: Percentiles(refreshTimes), rssMb: rss,
      drills: drills.count, refreshes: refreshTimes.count)
    print(json ? result.json : result.text)
  }

  func frame(_ board: Board, _ backend: InMemoryBackend) {
    var buffer = Buffer(size: backend.size)
    BoardRenderer.render(board, into: &buffer, tick: 0)
    backend.draw(buffer)
  }

  func time(_ body: () -> Void) -> Double {
    let start = DispatchTime.now()
    body()
    return milliseconds(since: start)
  }

  func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
  }

  func residentMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
    else { return -1 }
    let kb = Double(line.split(separator: " ").dropFirst().first ?? "") ?? -1
    return kb / 1024
  }
}

/// p50 and p99 of a list of milliseconds.
struct Percentiles {
  var p50: Double
  var p99: Double
  var max: Double
  init(_ values: [Double]) {
    let sorted = values.sorted()
    func at(_ q: Double) -> Double {
      sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))]
    }
    p50 = at(0.5)
    p99 = at(0.99)
    max = sorted.last ?? 0
  }
}

/// What `bench-board` prints.
struct BenchFigures {
  var firstFrameMs: Double
  var drill: Percentiles
  var refresh: Percentiles
  var rssMb: Double
  var drills: Int
  var refreshes: Int

  var json: String {
    func f(_ v: Double) -> String { String(format: "%.3f", v) }
    return """
      {"first_frame_ms": \(f(firstFrameMs)), "drill_ms": {"p50": \(f(drill.p50)), "p99": \(f(drill.p99)), "max": \(f(drill.max)), "n": \(drills)}, \
      "refresh_ms": {"p50": \(f(refresh.p50)), "p99": \(f(refresh.p99)), "max": \(f(refresh.max)), "n": \(refreshes)}, "rss_mb": \(f(rssMb))}
      """
  }

  var text: String {
    String(
      format:
        "first frame %.1f ms · drill-down p50 %.2f ms p99 %.2f ms (%d) · refresh p50 %.2f ms p99 %.2f ms (%d) · RSS %.1f MB",
      firstFrameMs, drill.p50, drill.p99, drills, refresh.p50, refresh.p99, refreshes, rssMb)
  }
}
