import WanggeStore
import GRDB
import WanggeCore

/// Changes to rollup rows collected while a batch is applied, written once per row at the end.
struct RollupDeltas {
  struct TallyKey: Hashable {
    var placeID: Int64
    var taskID: Int64
  }

  var stats: [Int64: PlaceStats] = [:]
  var tallies: [TallyKey: TaskTally] = [:]

  mutating func addStats(_ delta: PlaceStats, to places: [Int64]) {
    for p in places { stats[p, default: PlaceStats()].add(delta) }
  }

  /// Adds a task's tally delta (from ``AssignmentMerge``) to every place in `places`.
  mutating func addTally(task: Int64, places: [Int64], _ delta: TaskTally) {
    for p in places { tallies[TallyKey(placeID: p, taskID: task), default: TaskTally()].add(delta) }
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
        guard let tally = tallies[key], tally != TaskTally() else { continue }
        let d = tally.rollupColumns
        update.bind(d + [key.placeID, key.taskID])
        if try update.run() == 0 {
          insert.bind([key.placeID, key.taskID] + d)
          try insert.run()
        }
      }
    }
  }
}

extension TaskTally {
  /// The `task_tally` columns in order: assigned, acked, acked_on_time, finished, finished_on_time.
  var rollupColumns: [Int64] {
    [assigned, acknowledged, acknowledgedOnTime, finished, finishedOnTime].map(Int64.init)
  }
}
