import WanggeCore
import WanggeStore

extension PostgresStore {
  /// Applies `events` in one transaction, recording each with `source` and `recordedAt`, exactly as
  /// the SQLite engine does (same checks in the same order, same rejections by index, same summary).
  /// Set-based: the rows a batch touches are read (and its assignments locked, in key order) in a few
  /// array queries, the events are merged in memory in batch order, then events, assignments and the
  /// rollup deltas (summed per place and task) are written with one statement each.
  public func ingest(_ events: [GridEvent], recordedAt: Instant, source: String) throws -> IngestSummary {
    guard !events.isEmpty else { return IngestSummary() }
    let digests = events.map(EventDigest.of)
    return try write { db in
      var applier = try PGEventApplier(db: db, events: events, recordedAt: recordedAt, source: source)
      var rejections: [EventRejection] = []
      for (index, event) in events.enumerated() {
        do {
          try applier.apply(event, digest: digests[index])
        } catch let p as FieldProblem {
          rejections.append(EventRejection(index: index, problem: p))
        }
      }
      guard rejections.isEmpty else { throw StoreError.rejected(rejections) }
      try applier.flush()
      return applier.summary
    }
  }
}
