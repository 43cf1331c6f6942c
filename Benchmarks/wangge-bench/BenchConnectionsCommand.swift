import ArgumentParser
import Foundation
import WanggeBoard
import WanggeCore
import WanggeStore

/// `wangge-bench connections`: many simulated boards on one server. Each board is a `Board` on a store
/// connection of its own, showing the city's overview; `--listening` of them also hold a LISTEN
/// connection (the live feed, taken every 50 ms as the board does), the rest poll the change token every
/// `--poll-interval` (through `--poll-db` when given: a pooler or a standby). A writer commits one harmless
/// `reached` event every `--every` seconds; every board that notices re-reads its overview. Prints the
/// refresh latency (commit → overview re-read) per method, the boards that missed a change, and how many
/// connections opened before the server refused one (the limit). `scripts/bench-connections` runs it
/// beside the server's CPU and memory.
struct BenchConnectionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "connections",
    abstract: "Many simulated boards (polling and LISTEN) on one server while a writer commits.",
    discussion: "Writes harmless `reached` events to --db: run it on a throw-away database.")

  @OptionGroup var store: StoreOptions
  @Option(help: "Where polling boards connect (a pooler, a standby); default --db.") var pollDb: String?
  @Option(help: "Where LISTEN boards connect; default --db.") var listenDb: String?
  @Option(help: "Simulated boards.") var boards = 300
  @Option(help: "Of them, boards on the LISTEN feed (two connections each); the rest poll.") var listening =
    150
  @Option(help: "Seconds between a polling board's token reads (the board's own: 0.5).") var pollInterval =
    0.5
  @Option(help: "Changes the writer commits.") var changes = 20
  @Option(help: "Seconds between two changes.") var every = 1.5
  @Option(help: "Threads driving the boards.") var threads = 8
  @Option(help: "Seconds to wait after the boards are open, before the first change.") var settle = 2.0

  func validate() throws {
    try OptionBounds.count(boards, "--boards", 1, 20_000)
    guard listening >= 0, listening <= boards else { throw ValidationError("--listening: 0 to --boards") }
    try OptionBounds.count(changes, "--changes", 1, 10_000)
    try OptionBounds.count(threads, "--threads", 1, 64)
    guard pollInterval > 0, pollInterval <= 10 else { throw ValidationError("--poll-interval: 0 to 10 s") }
    guard every > 0, every <= 60 else { throw ValidationError("--every: 0 to 60 s") }
  }

  func run() throws {
    let writer = try store.openForWriting()
    let households = try probe(writer).householdIDRange()
    let opened = SimulatedBoards.open(
      count: boards, listening: listening, listenDB: listenDb ?? store.db, pollDB: pollDb ?? store.db)
    let connections = opened.boards.reduce(1) { $0 + ($1.feed == nil ? 1 : 2) }
    emit("opened \(opened.boards.count) boards (\(connections) connections)")
    if let refusal = opened.refusal { emit("refused at board \(opened.boards.count + 1): \(refusal)") }
    let commits = CommitLog()
    let stop = StopSignal()
    let started = DispatchTime.now()
    var workers: [Thread] = []
    let done = DispatchGroup()
    for t in 0..<threads {
      let slice = opened.boards.enumerated().filter { $0.offset % threads == t }.map(\.element)
      let thread = Thread {
        Self.drive(slice, pollInterval: pollInterval, commits: commits, stop: stop, started: started)
        done.leave()
      }
      done.enter()
      workers.append(thread)
      thread.start()
    }
    Thread.sleep(forTimeInterval: settle)
    emit("measuring")
    let usage0 = cpuSeconds()
    let pid = ProcessInfo.processInfo.processIdentifier
    for n in 0..<changes {
      let event = GridEvent(
        id: "bench-conn-\(pid)-\(n)-\(UInt32.random(in: 0...UInt32.max))", at: SystemClock().now(),
        kind: .reached(household: Int64.random(in: households), via: .phoneOnly))
      _ = try writer.ingest([event], recordedAt: SystemClock().now())
      commits.append(Self.seconds(since: started))
      Thread.sleep(forTimeInterval: every)
    }
    emit("measured")
    let clientCPU = cpuSeconds() - usage0
    Thread.sleep(forTimeInterval: 2)  // the last change's late refreshes
    stop.set()
    done.wait()
    let window = Double(changes) * every
    let poll = opened.boards.filter { $0.feed == nil }
    let listen = opened.boards.filter { $0.feed != nil }
    func summary(_ list: [SimulatedBoard]) -> String {
      let latencies = list.flatMap(\.latencies)
      let p = Percentiles(latencies)
      let missed = list.count * changes - latencies.count
      return String(
        format:
          "{\"boards\": %d, \"p50_ms\": %.1f, \"p99_ms\": %.1f, \"max_ms\": %.1f, \"refreshes\": %d, \"missed\": %d, \"errors\": %d}",
        list.count, p.p50, p.p99, p.max, latencies.count, missed, list.reduce(0) { $0 + $1.errors })
    }
    let refusal = opened.refusal.map { "\"" + $0.replacingOccurrences(of: "\"", with: "'") + "\"" } ?? "null"
    print(
      "{\"boards\": \(opened.boards.count), \"asked\": \(boards), \"connections\": \(connections), "
        + "\"refused\": \(refusal), \"poll\": \(summary(poll)), \"listen\": \(summary(listen)), "
        + String(format: "\"client_cpu_share\": %.3f, \"window_s\": %.1f}", clientCPU / window, window))
  }

  /// One thread's boards: LISTEN ones take their feed every 50 ms, polling ones read the token every
  /// `pollInterval` (each at its own phase); a board that sees a change re-reads its overview and
  /// records how long after the newest commit it did so.
  static func drive(
    _ boards: [SimulatedBoard], pollInterval: Double, commits: CommitLog, stop: StopSignal,
    started: DispatchTime
  ) {
    for b in boards { b.next = Double.random(in: 0..<(b.feed == nil ? pollInterval : 0.05)) }
    while !stop.isSet {
      let now = seconds(since: started)
      var soonest = now + 0.05
      for b in boards {
        if b.next <= now {
          let changed: Bool
          if let feed = b.feed {
            changed = b.board.take(feed.poll(), tick: now)
            b.next = now + 0.05
          } else {
            do { changed = try b.board.refreshIfChanged(tick: now) } catch {
              b.errors += 1
              changed = false
            }
            b.next = now + pollInterval
          }
          if changed, let (index, at) = commits.latest(), index > b.seen {
            b.latencies.append((seconds(since: started) - at) * 1000)
            b.seen = index
          }
        }
        soonest = min(soonest, b.next)
      }
      let wait = soonest - seconds(since: started)
      if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
    }
  }

  static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  func emit(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
      + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
  }
}

/// One simulated board: its `Board`, its feed (LISTEN boards) and what it measured. Used by one thread.
final class SimulatedBoard: @unchecked Sendable {
  let board: Board
  let feed: (any ChangeFeed)?
  var next = 0.0
  var seen = 0
  var latencies: [Double] = []
  var errors = 0
  init(board: Board, feed: (any ChangeFeed)?) {
    self.board = board
    self.feed = feed
  }
}

/// Opens the boards, eight at a time, until done or the server refuses a connection.
enum SimulatedBoards {
  static func open(count: Int, listening: Int, listenDB: String?, pollDB: String?)
    -> (boards: [SimulatedBoard], refusal: String?)
  {
    let lock = NSLock()
    nonisolated(unsafe) var boards: [SimulatedBoard] = []
    nonisolated(unsafe) var refusal: String?
    DispatchQueue.concurrentPerform(iterations: 8) { lane in
      for i in stride(from: lane, to: count, by: 8) {
        if lock.withLock({ refusal != nil }) { return }
        let listens = i < listening
        do {
          let location = StoreLocation.resolve(explicit: listens ? listenDB : pollDB)
          let store = try benchEngines.open(location, mode: .read)
          let feed = listens ? try store.changeFeed() : nil
          let board = try Board(
            store: store, clock: SystemClock(), language: .zh, themeName: "default", operatorName: "bench",
            storeLabel: "bench", isDemo: false)
          lock.withLock { boards.append(SimulatedBoard(board: board, feed: feed)) }
        } catch {
          lock.withLock { refusal = refusal ?? "\(error)" }
          return
        }
      }
    }
    return (boards, refusal)
  }
}

/// The writer's commits: when each happened (seconds since the start), shared by every thread.
final class CommitLog: @unchecked Sendable {
  private let lock = NSLock()
  private var times: [Double] = []
  func append(_ at: Double) { lock.withLock { times.append(at) } }
  /// The newest commit: its number (from 1) and when it happened.
  func latest() -> (Int, Double)? { lock.withLock { times.last.map { (times.count, $0) } } }
}

/// A stop signal for the threads.
final class StopSignal: @unchecked Sendable {
  private let lock = NSLock()
  private var value = false
  func set() { lock.withLock { value = true } }
  var isSet: Bool { lock.withLock { value } }
}
