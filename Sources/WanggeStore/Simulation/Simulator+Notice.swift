import GRDB
import WanggeCore

// Issuing a task from the simulator. A stand-in until the dispatch API (TaskDesk) lands: replace
// `issueNoticeIfDue`'s write with a call to it and delete `NoticeScope.issue`.

extension Simulator {
  static let noticeTitles = ["核酸检测时间调整通知", "居家健康监测提醒", "生活物资配送安排通知", "出行报备提醒", "疫苗接种预约通知"]

  /// Issues a short `notice` over a random community when the newest task of the store is at least
  /// 15 minutes old (so several simulators do not flood the board with tasks). Returns whether it did.
  func issueNoticeIfDue(shape: GridShape, now: Instant) throws -> Bool {
    let newest = try store.pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(issued_at) FROM task") }
    if let newest, newest > (now - .minutes(15)).epochSeconds { return false }
    guard let scope = try store.pool.read({ db in try NoticeScope.pick(db, shape: shape, rng: &rng) }) else {
      return false
    }
    let title = Self.noticeTitles[rng.below(Self.noticeTitles.count)]
    _ = try store.write { db in try scope.issue(db, title: title, at: now) }
    return true
  }
}

/// A community chosen for a simulated notice: its units and the parents up to the root.
struct NoticeScope {
  var scopeID: Int64
  var units: [Int64]
  /// Parent of every place between the units and the root.
  var parents: [Int64: Int64]

  /// Walks random children from the root down to the community level; nil if no community has units.
  static func pick(_ db: Database, shape: GridShape, rng: inout SeededRandom) throws -> NoticeScope? {
    for _ in 0..<8 {
      var parents: [Int64: Int64] = [:]
      var current = shape.rootID
      for _ in 0..<shape.communityDepth {
        let children = try Int64.fetchAll(
          db, sql: "SELECT id FROM place WHERE parent_id = ?", arguments: [current])
        guard !children.isEmpty else { break }
        let child = children[rng.below(children.count)]
        parents[child] = current
        current = child
      }
      guard
        let depth = try Int.fetchOne(db, sql: "SELECT depth FROM place WHERE id = ?", arguments: [current]),
        depth == shape.communityDepth
      else { continue }
      let subtree = """
        WITH RECURSIVE sub(id, parent_id) AS (
          SELECT id, parent_id FROM place WHERE parent_id = ?
          UNION ALL SELECT p.id, p.parent_id FROM place p JOIN sub ON p.parent_id = sub.id)
        """
      for row in try Row.fetchAll(db, sql: subtree + " SELECT id, parent_id FROM sub", arguments: [current]) {
        parents[row[0]] = row[1]
      }
      let units = try Int64.fetchAll(
        db,
        sql: subtree + " SELECT u.place_id FROM sub JOIN unit u ON u.place_id = sub.id ORDER BY u.place_id",
        arguments: [current])
      if !units.isEmpty { return NoticeScope(scopeID: current, units: units, parents: parents) }
    }
    return nil
  }

  /// Writes the task, one pending assignment per unit and the `task_tally` rows of every place above
  /// the units, as the demo generator does and `RollupRecount` expects. Returns the task id.
  func issue(_ db: Database, title: String, at now: Instant) throws -> Int64 {
    let type = TaskType.notice
    let task = try SQLiteStore.nextTaskID(db)
    try db.execute(
      sql: """
        INSERT INTO task(id, type, title, details, scope_id, issued_at, ack_within, finish_within)
        VALUES (?, ?, ?, '模拟数据', ?, ?, ?, ?)
        """,
      arguments: [
        task, type.rawValue, title, scopeID, now.epochSeconds, type.defaultAckWindow.seconds,
        type.defaultFinishWindow.seconds,
      ])
    let insert = try db.makeStatement(sql: "INSERT INTO assignment(task_id, unit_id) VALUES (?, ?)")
    var deltas = RollupDeltas()
    for unit in units {
      try insert.execute(arguments: [task, unit])
      var above: [Int64] = []
      var current = unit
      while let parent = parents[current] {
        above.append(parent)
        current = parent
      }
      deltas.addTally(task: task, places: above, [1, 0, 0, 0, 0])
    }
    try deltas.flush(db)
    return task
  }
}
