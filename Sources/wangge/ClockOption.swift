import ArgumentParser
import WanggeCore

/// `--at TIME`: the instant a command judges time at (deadlines, overdue counts, countdowns); now when absent.
///
/// Every command that judges time takes its clock from here, so a test (or an operator looking back at last
/// night's figures) pins it, and nothing that reads the store depends on today's date.
struct ClockOption: ParsableArguments {
  /// The instant asked for, if any (refused by ArgumentParser unless a real calendar instant).
  @Option(
    name: .customLong("at"),
    help:
      "Act as at this instant (ISO 8601, e.g. 2026-11-22T20:00:00+08:00): deadlines are judged and events dated then. Default: now.",
    transform: OptionValue.instant("--at"))
  var instant: Instant?

  /// A fixed clock at `--at`, else the machine's clock.
  var clock: any Clock { instant.map { FixedClock($0) } ?? SystemClock() }

  /// True when the command looks back at a fixed instant rather than following the wall clock.
  var isFixed: Bool { instant != nil }
}
