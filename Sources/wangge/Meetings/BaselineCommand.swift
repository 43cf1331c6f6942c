import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge baseline mark|list|auto`: the figures of every place kept at an instant (the meeting's
/// starting point for "what changed since").
struct BaselineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "baseline", abstract: "Mark or list baselines (every place's figures at an instant).",
    subcommands: [Mark.self, List.self, Auto.self])

  /// `baseline mark [--name 早例会] [--at] [--days 7]`.
  struct Mark: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Keep every place's figures as they stand now (or at --at) as a baseline.")
    @OptionGroup var store: StoreOptions
    @Option(help: "What the meeting calls it (default: 例会 and the time).") var name: String?
    @OptionGroup var clock: ClockOption
    @Option(help: "Count tasks issued in the last N days.") var days: Int = 7

    func run() throws {
      if let p = InputBounds.rangeProblem(days, 1...InputBounds.maxDays) { fail("--days: \(p)") }
      let s = try store.openForWriting()
      let now = clock.clock.now()
      do {
        let b = try s.markBaseline(
          name: name ?? "例会 \(InstantFormat.short(now))", at: now, window: .days(Int64(days)))
        print("baseline #\(b.id) \(b.name): \(InstantFormat.short(b.at)), \(b.places) places")
      } catch let e as BaselineProblem { fail(e.description) } catch { failOnUserError(error) }
    }
  }

  /// `baseline list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the baselines, oldest first.")
    @OptionGroup var store: StoreOptions
    @Flag(help: "Print JSON.") var json = false

    func run() throws {
      let s = try store.openForReading()
      let all = try s.baselines()
      if json {
        struct Row: Encodable {
          var id: Int64
          var name: String
          var at: String
          var places: Int
          var window_days: Int64
        }
        print(
          CommandJSON.text(
            all.map {
              Row(
                id: $0.id, name: $0.name, at: InstantFormat.iso($0.at), places: $0.places,
                window_days: $0.window.seconds / 86_400)
            }))
        return
      }
      if all.isEmpty { print("no baseline yet; mark one with `wangge baseline mark --name 早例会`") }
      for b in all { print("#\(b.id)\t\(InstantFormat.short(b.at))\t\(b.places) places\t\(b.name)") }
      if let bytes = try s.baselineBytes(), !all.isEmpty {
        let rows = all.reduce(0) { $0 + $1.places }
        print(
          "\(all.count) baselines, \(rows) rows, \(bytes) bytes (\(bytes / Int64(max(1, all.count))) per baseline)"
        )
      }
    }
  }

  /// `baseline auto [--times 08:00,18:00] [--at]`: marks the scheduled baseline the clock last passed.
  struct Auto: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark the scheduled baseline (default 08:00 and 18:00) the clock passed since the last one.")
    @OptionGroup var store: StoreOptions
    @Option(help: "Times of day, e.g. 08:00,18:00 (default: $WANGGE_BASELINE_TIMES, else 08:00,18:00).")
    var times: String?
    @OptionGroup var clock: ClockOption

    func run() throws {
      let text = times ?? ProcessInfo.processInfo.environment["WANGGE_BASELINE_TIMES"] ?? "08:00,18:00"
      let schedule: BaselineSchedule
      switch BaselineSchedule.parse(text) {
      case .success(let s): schedule = s
      case .failure(let p): fail("--times: \(p.description)")
      }
      let s = try store.openForWriting()
      let marked = try s.markScheduledBaselines(schedule, at: clock.clock.now(), window: .days(7))
      if marked.isEmpty { print("no scheduled baseline due") }
      for b in marked {
        print("baseline #\(b.id) \(b.name): \(InstantFormat.short(b.at)), \(b.places) places")
      }
    }
  }
}
