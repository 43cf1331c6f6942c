import WanggeStore
import GRDB

/// Changes to rollup rows collected while a batch is applied, written once per row at the end.
struct RollupDeltas {
  struct TallyKey: Hashable {
    var placeID: Int64
    var taskID: Int64
  }

  var stats: [Int64: PlaceStats] = [:]
  var tallies: [TallyKey: [Int64]] = [:]  // assigned, acked, acked_on_time, finished, finished_on_time

  mutating func addStats(_ delta: PlaceStats, to places: [Int64]) {
    for p in places { stats[p, default: PlaceStats()].add(delta) }
  }

  mutating func addTally(task: Int64, places: [Int64], _ delta: [Int64]) {
    for p in places {
      let key = TallyKey(placeID: p, taskID: task)
      var v = tallies[key] ?? [0, 0, 0, 0, 0]
      for i in 0..<5 { v[i] += delta[i] }
      tallies[key] = v
    }
  }

  /// Writes every collected change, in key order (neighbouring rows share pages). Runs inside the
  /// batch's transaction, through C-level statements.
  func flush(_ db: Database) throws {
    if !stats.isEmpty {
      let sets = PlaceStats.columns.map { "\($0) = \($0) + ?" }.joined(separator: ", ")
      let update = try RawStatement(db, "UPDATE place_stats SET \(sets) WHERE place_id = ?")
      for place in stats.keys.sorted() {
        guard let delta = stats[place], !delta.isZero else { continue }
        update.bind(delta.values + [place])
        try update.run()
      }
    }
    if !tallies.isEmpty {
      let update = try RawStatement(
        db,
        """
        UPDATE task_tally SET assigned = assigned + ?, acked = acked + ?, acked_on_time = acked_on_time + ?,
          finished = finished + ?, finished_on_time = finished_on_time + ?
        WHERE place_id = ? AND task_id = ?
        """)
      let insert = try RawStatement(
        db,
        """
        INSERT INTO task_tally(place_id, task_id, assigned, acked, acked_on_time, finished, finished_on_time)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """)
      for key in tallies.keys.sorted(by: { ($0.placeID, $0.taskID) < ($1.placeID, $1.taskID) }) {
        guard let d = tallies[key], d.contains(where: { $0 != 0 }) else { continue }
        update.bind(d + [key.placeID, key.taskID])
        if try update.run() == 0 {
          insert.bind([key.placeID, key.taskID] + d)
          try insert.run()
        }
      }
    }
  }
}
