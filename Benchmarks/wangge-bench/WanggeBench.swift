import ArgumentParser

/// `wangge-bench`: the benchmarks that need an engine's internals (either engine), kept out of the shipped
/// `wangge` command list; `scripts/bench` runs them beside their baselines.
@main
struct WanggeBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wangge-bench",
    abstract: "Benchmarks of either engine (board, ingest, report, feed, connections), for scripts/bench.",
    subcommands: [
      BenchBoardCommand.self, BenchIngestCommand.self, BenchReportCommand.self, BenchFeedCommand.self,
      BenchConnectionsCommand.self,
    ])
}
