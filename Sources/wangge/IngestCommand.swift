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
    if let p = InputBounds.rangeProblem(batch, 1...InputBounds.maxBatch) { fail("--batch: \(p)") }
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
    let s = try store.openForWriting()
    _ = OperatorCheck.name(s, .record, option: nil)  // a viewer is refused before anything is read
    let reader = LineReader(handle: handle)
    var total = IngestSummary()
    var problems: [String] = []
    var batchesApplied = 0
    // The next batch is read and parsed on another thread while this one is written.
    let batches = ParsedBatches(reader: reader, batchSize: batch)
    defer { batches.cancel() }  // also when writing throws: the reader stops waiting to hand over
    while let next = batches.next() {
      problems = next.problems.map { "\(name):\($0.line): \($0.problem.field): \($0.problem.problem)" }
      if problems.isEmpty && !next.events.isEmpty {
        do {
          total.add(try s.ingest(next.events, recordedAt: SystemClock().now(), source: "ingest:\(name)"))
          batchesApplied += 1
        } catch StoreError.rejected(let list) {
          problems = list.map {
            "\(name):\(next.lines[$0.index]): \($0.problem.field): \($0.problem.problem)"
          }
        } catch let e as StoreError {
          let first = next.lines.first.map { "\(name):\($0)" } ?? name
          fail(
            "\(e.description). \(batchesApplied) batch(es) were committed before it (applied \(total.applied) "
              + "events); the batch starting at \(first) and the rest were not. Run the same file again to resume"
          )
        }
      }
      if !problems.isEmpty { break }
    }
    let summary =
      "applied \(total.applied), already present \(total.duplicates), no effect \(total.noEffect) (\(batchesApplied) batch(es) committed)"
    guard problems.isEmpty else {
      for p in problems.prefix(50) { writeStandardError(p + "\n") }
      if problems.count > 50 { printError("… and \(problems.count - 50) more problems") }
      printError(
        "the batch holding these lines was not applied; fix them and run again (applied events are skipped). \(summary)"
      )
      throw ExitCode(1)
    }
    print(summary)
  }
}
