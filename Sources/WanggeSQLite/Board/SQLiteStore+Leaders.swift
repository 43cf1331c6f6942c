import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore {
  public func leaders(under scope: Int64, at now: Instant, window: Span, limit: Int) throws -> LeaderPage {
    try read { db in
      let unitCount = try Self.unitCount(db, scope)
      guard unitCount <= limit else { return LeaderPage(rows: [], unitsInScope: unitCount, limit: limit) }
      let units = try Self.unitsUnder(db, scope).map(\.id)
      guard !units.isEmpty else { return LeaderPage(rows: [], unitsInScope: 0, limit: limit) }
      var leaders: [Int64: LeaderRow] = [:]
      var leaderOfUnit: [Int64: Int64] = [:]
      for chunk in stride(from: 0, to: units.count, by: 900).map({ units[$0..<min($0 + 900, units.count)] }) {
        let list = chunk.map(String.init).joined(separator: ",")
        for row in try Row.fetchAll(
          db,
          sql: """
            SELECT u.place_id, l.id, l.name, d.name, s.name FROM unit u
            JOIN leader l ON l.id = u.leader_id JOIN department d ON d.id = l.department_id
            LEFT JOIN squad s ON s.id = l.squad_id WHERE u.place_id IN (\(list))
            """)
        {
          let leader: Int64 = row[1]
          let unit: Int64 = row[0]
          leaderOfUnit[unit] = leader
          leaders[
            leader,
            default: LeaderRow(
              leaderID: leader, name: row[2], department: row[3], squad: row[4], units: 0, tally: TaskTally(),
              overdueNow: 0)
          ].units += 1
          let first = leaders[leader]?.unitID ?? unit
          leaders[leader]?.unitID = min(first, unit)
        }
        for task in try Self.taskInfos(db, at: now, window: window) {
          for row in try Row.fetchAll(
            db,
            sql:
              "SELECT unit_id, acked_at, finished_at FROM assignment WHERE task_id = ? AND unit_id IN (\(list))",
            arguments: [task.id])
          {
            guard let leader = leaderOfUnit[row[0]] else { continue }
            let assignment = Assignment(
              task: task.id, unit: row[0], row: row, ackedColumn: 1, finishedColumn: 2)
            leaders[leader]?.count(assignment, deadlines: task.deadlines, at: now)
          }
        }
      }
      return LeaderPage(
        rows: leaders.values.sorted { $0.leaderID < $1.leaderID }, unitsInScope: unitCount, limit: limit)
    }
  }

  public func responseHistory(of place: Int64, at now: Instant, window: Span, hours: Int) throws -> [Double?]
  {
    try read { db in
      let first = now - Span(seconds: Int64(hours - 1) * 3600)
      let tasks = try Self.taskInfos(db, at: now, window: Span(seconds: window.seconds + Int64(hours) * 3600))
      guard !tasks.isEmpty else { return Array(repeating: nil, count: hours) }
      let list = tasks.map { String($0.id) }.joined(separator: ",")
      var tallies: [Int64: (assigned: Int, onTime: Int)] = [:]
      for row in try Row.fetchAll(
        db,
        sql:
          "SELECT task_id, assigned, acked_on_time FROM task_tally WHERE place_id = ? AND task_id IN (\(list))",
        arguments: [place])
      {
        tallies[row[0]] = (row[1], row[2])
      }
      if tallies.isEmpty {  // a unit: its assignments are its tallies
        for row in try Row.fetchAll(
          db,
          sql:
            "SELECT task_id, acked_at, finished_at FROM assignment WHERE unit_id = ? AND task_id IN (\(list))",
          arguments: [place])
        {
          guard let task = tasks.first(where: { $0.id == row[0] as Int64 }) else { continue }
          var tally = TaskTally()
          tally.count(
            Assignment(task: task.id, unit: place, row: row, ackedColumn: 1, finishedColumn: 2),
            deadlines: task.deadlines)
          tallies[task.id] = (tally.assigned, tally.acknowledgedOnTime)
        }
      }
      return (0..<hours).map { step in
        let mark = first + Span(seconds: Int64(step) * 3600)
        var assigned = 0
        var onTime = 0
        // The overview row's tasks at that mark (issued within the window before it) whose acknowledge
        // deadline had passed by it: at `now` the row's figure, less the tasks still inside their window.
        for task in tasks
        where task.issuedAt > mark - window && task.issuedAt <= mark && task.deadlines.ack <= mark {
          guard let tally = tallies[task.id] else { continue }
          assigned += tally.assigned
          onTime += tally.onTime
        }
        return assigned == 0 ? nil : Double(onTime) / Double(assigned)
      }
    }
  }
}
