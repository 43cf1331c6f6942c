import Foundation
import WanggeCore

/// Reads and parses event lines a batch at a time on a thread of its own, up to two batches ahead
/// of the caller, so parsing the next batch overlaps writing the current one.
///
/// Batches come out in input order. Reading stops after the first batch that holds a bad line (the
/// caller applies nothing from it), or when the caller cancels.
final class ParsedBatches: @unchecked Sendable {
  /// One batch: the events of its good lines with their line numbers, and its bad lines.
  struct Batch {
    var events: [GridEvent] = []
    var lines: [Int] = []
    var problems: [(line: Int, problem: FieldProblem)] = []
  }

  private let reader: LineReader
  private let size: Int
  private let condition = NSCondition()
  private var ready: [Batch] = []
  private var producing = true
  private var cancelled = false
  private let ahead = 2

  init(reader: LineReader, batchSize: Int) {
    self.reader = reader
    self.size = batchSize
    let thread = Thread { [self] in produce() }
    thread.name = "ingest-parse"
    thread.start()
  }

  /// The next batch in input order, or nil when the input is exhausted (or reading stopped).
  func next() -> Batch? {
    condition.lock()
    defer { condition.unlock() }
    while ready.isEmpty && producing { condition.wait() }
    guard !ready.isEmpty else { return nil }
    let batch = ready.removeFirst()
    condition.broadcast()
    return batch
  }

  /// Stops reading; batches not yet taken are dropped.
  func cancel() {
    condition.lock()
    cancelled = true
    ready.removeAll()
    condition.broadcast()
    condition.unlock()
  }

  private func produce() {
    var pending: [(number: Int, text: String)] = []
    pending.reserveCapacity(size)
    var unreadable: [(line: Int, problem: FieldProblem)] = []
    func emit() -> Bool {
      var batch = parse(pending)
      if !unreadable.isEmpty {
        batch.problems = (batch.problems + unreadable).sorted { $0.line < $1.line }
        unreadable.removeAll()
      }
      pending.removeAll(keepingCapacity: true)
      return push(batch) && batch.problems.isEmpty
    }
    var going = true
    while going, let next = reader.next() {
      switch next {
      case .bad(let problem):
        unreadable.append((reader.lineNumber, problem))  // its batch holds a problem: not applied
      case .text(let line):
        if line.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
        pending.append((reader.lineNumber, line))
      }
      if pending.count + unreadable.count >= size { going = emit() }
    }
    if going && !(pending.isEmpty && unreadable.isEmpty) { _ = emit() }
    condition.lock()
    producing = false
    condition.broadcast()
    condition.unlock()
  }

  /// Parses on every core but the one applying batches (one core: this thread alone).
  private func parse(_ lines: [(number: Int, text: String)]) -> Batch {
    let workers = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)
    var batch = Batch()
    batch.events.reserveCapacity(lines.count)
    batch.lines.reserveCapacity(lines.count)
    for (index, result) in ParallelParse.parse(lines.map(\.text), workers: workers).enumerated() {
      switch result {
      case .success(let event):
        batch.events.append(event)
        batch.lines.append(lines[index].number)
      case .failure(let problem):
        batch.problems.append((lines[index].number, problem))
      }
    }
    return batch
  }

  /// Hands a batch over, waiting while `ahead` are untaken; false once the caller has cancelled.
  private func push(_ batch: Batch) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while ready.count >= ahead && !cancelled { condition.wait() }
    guard !cancelled else { return false }
    ready.append(batch)
    condition.broadcast()
    return true
  }
}
