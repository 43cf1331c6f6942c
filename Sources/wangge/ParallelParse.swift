import Foundation
import WanggeCore

/// Parses a batch of event lines on up to `workers` threads; results come back in line order.
enum ParallelParse {
  static func parse(_ texts: [String], workers: Int) -> [Result<GridEvent, FieldProblem>] {
    let results = Slots(count: texts.count)
    let chunks = max(1, min(workers, texts.count / 256))
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
      var i = chunk
      while i < texts.count {
        results.set(i, EventLineParser.parse(Substring(texts[i])))
        i += chunks
      }
    }
    return results.values
  }

  /// One slot per line, each written by exactly one worker.
  private final class Slots: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Result<GridEvent, FieldProblem>?>
    init(count: Int) {
      storage = .allocate(capacity: count)
      storage.initialize(repeating: nil)
    }
    deinit {
      storage.deinitialize()
      storage.deallocate()
    }
    func set(_ i: Int, _ value: Result<GridEvent, FieldProblem>) { storage[i] = value }
    var values: [Result<GridEvent, FieldProblem>] { storage.map { $0! } }
  }
}
