import GRDB
import WanggeCore
import WanggeStore

/// Baselines and meeting decisions on SQLite (migration v7-meetings).
extension SQLiteStore: MeetingDesk {
  public func markBaseline(name: String, at: Instant, window: Span) throws -> Baseline {
    let name = try BaselineName.check(name).get()
    return try write { db in
      try db.execute(
        sql: "INSERT INTO baseline(name, at, window_seconds, places) VALUES (?, ?, ?, 0)",
        arguments: [name, at.epochSeconds, window.seconds])
      let id = db.lastInsertedRowID
      let params = [id] + BaselineSQL.parameters(at: at, window: window, unitDepth: try Self.unitDepth(db))
      try db.execute(
        sql: BaselineSQL.copy.replacingOccurrences(of: "$", with: "?"),
        arguments: StatementArguments(params))
      let places = db.changesCount
      try db.execute(sql: "UPDATE baseline SET places = ? WHERE id = ?", arguments: [places, id])
      return Baseline(id: id, name: name, at: at, window: window, places: places)
    }
  }

  public func baselines() throws -> [Baseline] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT id, name, at, window_seconds, places FROM baseline ORDER BY id").map {
        Baseline(
          id: $0[0], name: $0[1], at: Instant(epochSeconds: $0[2]), window: Span(seconds: $0[3]),
          places: $0[4])
      }
    }
  }

  public func baselineFigures(_ baseline: Int64, for ids: [Int64]) throws -> [Int64: PlaceFigures] {
    try read { db in
      let stmt = try db.cachedStatement(
        sql: "SELECT \(BaselineSQL.figureColumns.joined(separator: ", ")) FROM baseline_figure "
          + "WHERE baseline_id = ? AND place_id = ?")
      var out: [Int64: PlaceFigures] = [:]
      for id in ids {
        if let row = try Row.fetchOne(stmt, arguments: [baseline, id]) {
          out[id] = BaselineSQL.figures((0..<row.count).map { row[$0] as Int64 })
        }
      }
      return out
    }
  }

  public func addDecision(
    place: Int64, text: String, owner: String, due: Instant?, at: Instant, becomes action: DecisionAction
  ) throws -> Decision {
    if let p = Decision.problem(text: text, owner: owner) { throw MeetingInputError(p) }
    return try write { db in
      var d = Decision(
        id: 0, placeID: place, text: text, owner: owner, due: DecisionCheck.due(due, action), recordedAt: at)
      let book = OrderBook(SQLiteOrderSQL(db: db))
      switch action {
      case .text: break
      case .task(let r):
        try DecisionCheck.task(r, place: place)
        d.taskID = try Self.dispatch(db, r).taskID
      case .order(let r):
        d.orderID = try book.openForDecision(r, place: place) { try Self.path(db, of: $0).description }.id
      }
      try db.execute(
        sql:
          "INSERT INTO decision(place_id, text, owner, due_at, recorded_at, task_id, order_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
        arguments: [place, text, owner, d.due?.epochSeconds, at.epochSeconds, d.taskID, d.orderID])
      d.id = db.lastInsertedRowID
      d.progress = try book.progress(of: d)
      return d
    }
  }

  public func finishDecision(_ id: Int64, at: Instant) throws -> Decision {
    try write { db in
      try db.execute(
        sql: "UPDATE decision SET done_at = ? WHERE id = ? AND done_at IS NULL",
        arguments: [at.epochSeconds, id])
      guard let d = try Self.decisions(db, where: "id = ?", [id]).first else {
        throw MeetingError.unknownDecision(id)
      }
      return d
    }
  }

  public func decisions(of place: Int64, at: Instant) throws -> [Decision] {
    try read { db in
      try Self.decisions(db, where: "place_id = ? AND recorded_at <= ?", [place, at.epochSeconds])
    }
  }

  public func baselineBytes() throws -> Int64? {
    try read { db in
      try? Int64.fetchOne(
        db, sql: "SELECT sum(pgsize) FROM dbstat WHERE name IN ('baseline', 'baseline_figure')")
    }
  }

  static func decisions(_ db: Database, where clause: String, _ args: [Int64]) throws -> [Decision] {
    let book = OrderBook(SQLiteOrderSQL(db: db))
    return try Row.fetchAll(
      db,
      sql:
        "SELECT id, place_id, text, owner, due_at, recorded_at, done_at, task_id, order_id FROM decision WHERE \(clause) ORDER BY id",
      arguments: StatementArguments(args)
    ).map {
      var d = Decision(
        id: $0[0], placeID: $0[1], text: $0[2], owner: $0[3],
        due: ($0[4] as Int64?).map(Instant.init(epochSeconds:)), recordedAt: Instant(epochSeconds: $0[5]),
        doneAt: ($0[6] as Int64?).map(Instant.init(epochSeconds:)))
      d.taskID = $0[7]
      d.orderID = $0[8]
      d.progress = try book.progress(of: d)
      return d
    }
  }
}
