import WanggeCore
import WanggeStore

/// Baselines and meeting decisions on PostgreSQL (migration 9, ``PostgresSchema/meetingsV9``).
extension PostgresStore: MeetingDesk {
  public func markBaseline(name: String, at: Instant, window: Span) throws -> Baseline {
    let name = try BaselineName.check(name).get()
    return try write { db in
      let id: Int64 = try db.exec(
        "INSERT INTO baseline(name, at, window_seconds, places) VALUES ($1, $2, $3, 0) RETURNING id",
        [name, at.epochSeconds, window.seconds])[0].get(0)
      let params: [(any PGBindable)?] =
        [id] + BaselineSQL.parameters(at: at, window: window, unitDepth: try Self.unitDepth(db)).map { $0 }
      let places = try db.exec(BaselineSQL.copy, params).affectedRows
      try db.exec("UPDATE baseline SET places = $1 WHERE id = $2", [Int64(places), id])
      return Baseline(id: id, name: name, at: at, window: window, places: places)
    }
  }

  public func baselines() throws -> [Baseline] {
    try read { db in
      try db.exec("SELECT id, name, at, window_seconds, places FROM baseline ORDER BY id").map {
        Baseline(
          id: try $0.get(0), name: try $0.get(1), at: Instant(epochSeconds: try $0.get(2)),
          window: Span(seconds: try $0.get(3)), places: Int(try $0.get(4, as: Int64.self)))
      }
    }
  }

  public func baselineFigures(_ baseline: Int64, for ids: [Int64]) throws -> [Int64: PlaceFigures] {
    guard !ids.isEmpty else { return [:] }
    return try read { db in
      let rows = try db.exec(
        "SELECT place_id, \(BaselineSQL.figureColumns.joined(separator: ", ")) FROM baseline_figure "
          + "WHERE baseline_id = $1 AND place_id = ANY($2::bigint[])",
        [baseline, PGArray.ints(ids)])
      var out: [Int64: PlaceFigures] = [:]
      for row in rows {
        let v = try (1...BaselineSQL.figureColumns.count).map { try row.get($0, as: Int64.self) }
        out[try row.get(0, as: Int64.self)] = BaselineSQL.figures(v)
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
      let book = OrderBook(PGOrderSQL(db: db))
      switch action {
      case .text: break
      case .task(let r):
        try DecisionCheck.task(r, place: place)
        d.taskID = try Self.dispatch(db, r).taskID
      case .order(let r):
        d.orderID = try book.openForDecision(r, place: place) { try Self.path(db, of: $0).description }.id
      }
      d.id = try db.exec(
        "INSERT INTO decision(place_id, text, owner, due_at, recorded_at, task_id, order_id) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        [place, text, owner, d.due?.epochSeconds, at.epochSeconds, d.taskID, d.orderID])[0].get(0)
      d.progress = try book.progress(of: d)
      return d
    }
  }

  public func finishDecision(_ id: Int64, at: Instant) throws -> Decision {
    try write { db in
      try db.exec(
        "UPDATE decision SET done_at = $1 WHERE id = $2 AND done_at IS NULL", [at.epochSeconds, id])
      guard let d = try Self.decisions(db, where: "id = $1", [id]).first else {
        throw MeetingError.unknownDecision(id)
      }
      return d
    }
  }

  public func decisions(of place: Int64, at: Instant) throws -> [Decision] {
    try read { db in
      try Self.decisions(db, where: "place_id = $1 AND recorded_at <= $2", [place, at.epochSeconds])
    }
  }

  public func baselineBytes() throws -> Int64? {
    try read { db in
      try db.exec(
        "SELECT pg_total_relation_size('baseline') + pg_total_relation_size('baseline_figure')")[0].get(
          0, as: Int64.self)
    }
  }

  static func decisions(_ db: PGConnection, where clause: String, _ args: [Int64]) throws -> [Decision] {
    let book = OrderBook(PGOrderSQL(db: db))
    return try db.exec(
      "SELECT id, place_id, text, owner, due_at, recorded_at, done_at, task_id, order_id FROM decision WHERE \(clause) ORDER BY id",
      args.map { $0 }
    ).map {
      var d = Decision(
        id: try $0.get(0), placeID: try $0.get(1), text: try $0.get(2), owner: try $0.get(3),
        due: try $0.optional(4, as: Int64.self).map(Instant.init(epochSeconds:)),
        recordedAt: Instant(epochSeconds: try $0.get(5)),
        doneAt: try $0.optional(6, as: Int64.self).map(Instant.init(epochSeconds:)))
      d.taskID = try $0.optional(7, as: Int64.self)
      d.orderID = try $0.optional(8, as: String.self)
      d.progress = try book.progress(of: d)
      return d
    }
  }
}
