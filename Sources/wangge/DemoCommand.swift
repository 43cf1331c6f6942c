import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge demo`: generates a deterministic demo store (Jiaohe as reported, a district, or a large city).
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Generate a demo store: jiaohe (as reported), district (1M households) or city (10M).")

  @Option(help: "Preset: \(DemoPreset.names.joined(separator: ", ")).") var preset = "jiaohe"
  @OptionGroup var store: StoreOptions
  @Option(help: "Random seed; the same seed and anchor give the same store.") var seed: UInt64 = 1
  @Option(
    help: "The demo's \"now\" (ISO 8601); task history is written up to it. Default: now.",
    transform: OptionValue.instant("--anchor"))
  var anchor: Instant?
  @Flag(help: "Replace an existing store at the path.") var force = false

  func run() throws {
    guard let p = DemoPreset.named(preset) else {
      fail("--preset: unknown preset \"\(preset)\" (allowed: \(DemoPreset.names.joined(separator: ", ")))")
    }
    let at = anchor ?? SystemClock().now()
    let path = store.path
    let engine = try store.engine()
    let cleanup = PartialCleanup.onSignals(path: path, engine: engine)
    defer { withExtendedLifetime(cleanup) {} }
    let meter = ProgressMeter(total: p.households, label: "households")
    let summary: DemoSummary
    do {
      summary = try engine.generateDemo(
        preset: p, seed: seed, anchor: at, at: path, replace: force, progress: { meter.update($0) })
      try DemoOrders.seed(try engine.open(path, mode: .write), anchor: at, seed: seed)  // volunteers, a day of orders
    } catch let e as StoreError {
      meter.finish()
      fail(e.description)
    } catch {
      meter.finish()
      fail("\(error)")  // a server that cannot be reached: the message names host and port
    }
    meter.finish()
    do {
      let s = try engine.open(path, mode: .write)
      _ = try DemoReports.write(to: s, anchor: at)
    } catch {
      fail("the demo's reports: \(error)")
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0  // 0: not a file
    print(
      """
      \(p.rootName) (\(p.name)) → \(engine.display(path))
        places \(summary.places.grouped), units \(summary.units.grouped), households \(summary.households.grouped), \
      unit leaders \(summary.leaders.grouped), help cases \(summary.helpCases.grouped), assignments \(summary.assignments.grouped)
        \(String(format: "%.1f", summary.seconds)) s, \(Int(summary.householdsPerSecond).grouped) households/s, \
      \(size > 0 ? String(format: "%.1f MiB on disk", Double(size) / 1_048_576) : "in \(engine.name)")
      """)
  }
}

/// Removes this run's `PATH.partial-PID` files when SIGINT or SIGTERM stops `wangge demo`, then exits
/// with 128 + the signal (errors remove them in the engine; stale ones of dead runs go on the next run).
final class PartialCleanup: @unchecked Sendable {
  private var sources: [any DispatchSourceSignal] = []

  static func onSignals(path: String, engine: any StoreEngine) -> PartialCleanup {
    let cleanup = PartialCleanup()
    for sig in [SIGINT, SIGTERM, SIGHUP] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
      source.setEventHandler {
        engine.removeDemoLeftovers(at: path)
        printError(
          "interrupted; the partial store was removed and \(engine.display(path)) was left as it was")
        exit(128 + sig)
      }
      source.resume()
      cleanup.sources.append(source)
    }
    return cleanup
  }
}

/// A one-line progress display on standard error, shown only when it is a terminal.
final class ProgressMeter: @unchecked Sendable {
  let total: Int
  let label: String
  let started = Date()
  let enabled = isatty(2) == 1
  var lastDraw = Date.distantPast

  init(total: Int, label: String) {
    self.total = total
    self.label = label
  }

  func update(_ done: Int) {
    guard enabled, Date().timeIntervalSince(lastDraw) > 0.2 else { return }
    lastDraw = Date()
    let elapsed = max(0.001, Date().timeIntervalSince(started))
    let pct = total > 0 ? Double(done) * 100 / Double(total) : 0
    let line = String(
      format: "\r%@ %@ / %@ (%.0f%%, %@/s)  ", label, done.grouped, total.grouped, pct,
      Int(Double(done) / elapsed).grouped)
    FileHandle.standardError.write(Data(line.utf8))
  }

  func finish() {
    guard enabled else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
  }
}

extension Int {
  /// `1234567` → `1,234,567`.
  var grouped: String {
    let digits = String(Swift.abs(self))
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(ch)
    }
    return self < 0 ? "-" + out : out
  }
}
