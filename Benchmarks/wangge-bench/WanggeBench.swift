import ArgumentParser

/// `wangge-bench`: the benchmarks that need the SQLite engine's internals, kept out of the shipped
/// `wangge` command list; `scripts/bench` runs them beside their baselines.
@main
struct WanggeBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wangge-bench",
    abstract: "Benchmarks of the SQLite engine (board, ingest, report), for scripts/bench.",
    subcommands: [BenchBoardCommand.self, BenchIngestCommand.self, BenchReportCommand.self])
}
