import WanggeCore
import WanggeStore

extension PostgresStore {
  /// Events recorded within `window` before `now` under `scope`, per child of `scope` (keyed by the
  /// child's id; the scope's own total under `scope.id`), counting those recorded more than `lateBy`
  /// after their `at`. Two queries: the per-place counts through `event_by_recorded`, and the
  /// ancestors of those places in one recursive walk.
  public func lateArrivals(
    under scope: Place, recordedIn window: Span, before now: Instant, lateBy: Span = .hours(1)
  ) throws -> [Int64: LateArrivals] {
    try read { db in
      let since = EventWindow.saturating(now.epochSeconds, -window.seconds)
      let counts = try db.exec(
        """
        SELECT place_id, count(*), sum((recorded_at - at > $1)::int) FROM event
        WHERE recorded_at > $2 AND recorded_at <= $3 AND place_id IS NOT NULL GROUP BY place_id
        """, [lateBy.seconds, since, now.epochSeconds])
      guard !counts.isEmpty else { return [:] }
      var parents: [Int64: Int64] = [:]
      for row in try db.exec(
        """
        WITH RECURSIVE up(id, parent_id) AS (
          SELECT id, parent_id FROM place WHERE id = ANY($1::bigint[])
          UNION
          SELECT p.id, p.parent_id FROM place p JOIN up ON p.id = up.parent_id)
        SELECT id, parent_id FROM up WHERE parent_id IS NOT NULL
        """, [Self.array(try counts.map { try $0.get(0, as: Int64.self) })])
      {
        parents[try row.get(0)] = try row.get(1)
      }
      var out: [Int64: LateArrivals] = [:]
      for row in counts {
        let unit: Int64 = try row.get(0)
        // Walk up to the scope; the place just below it is the child the unit belongs to.
        var current = unit
        var child: Int64? = nil
        var inside = unit == scope.id
        var steps = 0
        while !inside, let p = parents[current], steps < 64 {
          child = current
          if p == scope.id { inside = true } else { current = p }
          steps += 1
        }
        guard inside else { continue }
        let c = LateArrivals(events: try row.get(1), late: try row.get(2))
        for key in [scope.id] + (unit == scope.id ? [] : [child!]) {
          out[key, default: LateArrivals()].events += c.events
          out[key, default: LateArrivals()].late += c.late
        }
      }
      return out
    }
  }
}
