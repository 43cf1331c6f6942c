import GRDB
import WanggeCore
import WanggeStore

/// What is left to do at the start of a step, from the root's rollups (a handful of primary-key reads).
struct PendingWork {
  /// Open tasks (before their finish deadline) with assignments not yet acknowledged, and how many.
  var acks: [(task: Int64, count: Int64)] = []
  /// Tasks of the last 7 days with acknowledged but unfinished assignments, and how many.
  var finishes: [(task: Int64, count: Int64)] = []
  var unreached: Int64 = 0
  var groupsMissing: Int64 = 0
  var helpCases: Int64 = 0
  /// Kinds found to have nothing left during this step.
  var exhausted: Set<SimulatedKind> = []

  var pendingAcks: Int64 { acks.reduce(0) { $0 + $1.count } }

  init(_ db: Database, shape: GridShape, now: Instant) throws {
    let tasks = try Row.fetchAll(
      db,
      sql:
        "SELECT id, issued_at, finish_within FROM task WHERE issued_at > ? AND issued_at <= ? ORDER BY id",
      arguments: [(now - .days(7)).epochSeconds, now.epochSeconds])
    for task in tasks {
      let id: Int64 = task[0]
      let finishBy = Saturating.add(task[1], task[2])  // a stored window may be absurd
      guard
        let tally = try Row.fetchOne(
          db,
          sql: "SELECT assigned - acked, acked - finished FROM task_tally WHERE place_id = ? AND task_id = ?",
          arguments: [shape.rootID, id])
      else { continue }
      let (unacked, unfinished): (Int64, Int64) = (tally[0], tally[1])
      if unacked > 0, now.epochSeconds <= finishBy { acks.append((id, unacked)) }
      if unfinished > 0 { finishes.append((id, unfinished)) }
    }
    if let stats = try Row.fetchOne(
      db,
      sql: """
        SELECT households - reached_group - reached_phone, units - groups_built, help_cases
        FROM place_stats WHERE place_id = ?
        """, arguments: [shape.rootID])
    {
      (unreached, groupsMissing, helpCases) = (stats[0], stats[1], stats[2])
    }
  }

  func isAvailable(_ kind: SimulatedKind) -> Bool {
    guard !exhausted.contains(kind) else { return false }
    switch kind {
    case .ack: return !acks.isEmpty
    case .done: return !finishes.isEmpty
    case .visit: return helpCases > 0
    case .reach: return unreached > 0
    case .group: return groupsMissing > 0
    }
  }
}
