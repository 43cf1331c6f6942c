import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore {
  /// Events recorded within `window` before `now` under `scope`, per child of `scope` (keyed by the
  /// child's id; the scope's own total under `scope.id`), counting those recorded more than `lateBy`
  /// after their `at`. A bounded query: O(events recorded in the window) through `event_by_recorded`,
  /// plus one parent lookup per distinct unit and level. Events recorded before the `place_id`
  /// column existed are not counted.
  public func lateArrivals(
    under scope: Place, recordedIn window: Span, before now: Instant, lateBy: Span = .hours(1)
  )
    throws -> [Int64: LateArrivals]
  {
    try read { db in
      let since = EventWindow.saturating(now.epochSeconds, -window.seconds)
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT place_id, count(*), sum(recorded_at - at > ?) FROM event
          WHERE recorded_at > ? AND recorded_at <= ? AND place_id IS NOT NULL GROUP BY place_id
          """,
        arguments: [lateBy.seconds, since, now.epochSeconds])
      var parents: [Int64: Int64?] = [:]
      func parent(_ id: Int64) throws -> Int64? {
        if let p = parents[id] { return p }
        let p = try Int64.fetchOne(db, sql: "SELECT parent_id FROM place WHERE id = ?", arguments: [id])
        parents[id] = p
        return p
      }
      var out: [Int64: LateArrivals] = [:]
      while let row = try rows.next() {
        let unit: Int64 = row[0]
        // Walk up to the scope; the place just below it is the child the unit belongs to.
        var current = unit
        var child: Int64? = nil
        var inside = unit == scope.id
        while !inside, let p = try parent(current) {
          child = current
          if p == scope.id { inside = true } else { current = p }
        }
        guard inside else { continue }
        let counts = LateArrivals(events: row[1], late: row[2])
        for key in [scope.id] + (unit == scope.id ? [] : [child!]) {
          out[key, default: LateArrivals()].events += counts.events
          out[key, default: LateArrivals()].late += counts.late
        }
      }
      return out
    }
  }
}
