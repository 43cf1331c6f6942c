import ArgumentParser
import Foundation
import WanggeCore
import WanggeStore

/// `wangge ingest`: applies JSON Lines events in batches; a bad line stops the run and its batch is not applied.
struct IngestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ingest",
    abstract: "Apply JSON Lines events (schema in the README) from FILE or - (standard input).",
    discussion: """
      Events are applied in batches, each in one transaction. A bad line is reported as FILE:LINE: field: problem; \
      its batch is not applied, batches before it stay, and the command exits 1. Re-running the same file changes nothing.
      """)

  @Argument(help: "A .jsonl file, or - for standard input.") var file: String
  @OptionGroup var store: StoreOptions
  @Option(help: "Events per transaction.") var batch: Int = 1000

  func run() throws {
    guard batch > 0 else { fail("--batch: must be at least 1") }
    let handle: FileHandle
    let name = file == "-" ? "<stdin>" : file
    if file == "-" {
      handle = FileHandle.standardInput
    } else {
      guard let h = FileHandle(forReadingAtPath: file) else {
        fail("\(file): cannot open for reading; check the path and permissions")
      }
      handle = h
    }
    let s = try store.open()
    let reader = LineReader(handle: handle)
    var total = IngestSummary()
    var events: [GridEvent] = []
    var lines: [Int] = []
    var problems: [String] = []
    var batchesApplied = 0

    func flush() throws {
      defer {
        events.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
      }
      guard problems.isEmpty else { return }
      guard !events.isEmpty else { return }
      do {
        total.add(try s.ingest(events, recordedAt: SystemClock().now()))
        batchesApplied += 1
      } catch StoreError.rejected(let list) {
        for r in list {
          problems.append("\(name):\(lines[r.index]): \(r.problem.field): \(r.problem.problem)")
        }
      }
    }

    // Lines are parsed a batch at a time on every core, then applied in order in one transaction.
    var pending: [(number: Int, text: String)] = []
    func parsePending() {
      let results = ParallelParse.parse(pending.map(\.text))
      for (index, result) in results.enumerated() {
        switch result {
        case .success(let e):
          events.append(e)
          lines.append(pending[index].number)
        case .failure(let p):
          problems.append("\(name):\(pending[index].number): \(p.field): \(p.problem)")
        }
      }
      pending.removeAll(keepingCapacity: true)
    }
    while let line = reader.next() {
      if line.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
      pending.append((reader.lineNumber, line))
      if pending.count >= batch {
        parsePending()
        try flush()
        if !problems.isEmpty { break }
      }
    }
    if problems.isEmpty && !pending.isEmpty { parsePending() }
    if problems.isEmpty { try flush() }
    let summary =
      "applied \(total.applied), already present \(total.duplicates), no effect \(total.noEffect) (\(batchesApplied) batch(es) committed)"
    guard problems.isEmpty else {
      for p in problems.prefix(50) { FileHandle.standardError.write(Data((p + "\n").utf8)) }
      if problems.count > 50 { printError("… and \(problems.count - 50) more problems") }
      printError(
        "the batch holding these lines was not applied; fix them and run again (applied events are skipped). \(summary)"
      )
      throw ExitCode(1)
    }
    print(summary)
  }
}
