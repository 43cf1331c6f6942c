import WanggeCore
import WanggeStore

/// A change to the `place_stats` counters of one place, by column.
struct PGStatsDelta: Hashable {
  /// The `place_stats` columns, in table order.
  enum Column: Int, CaseIterable {
    case households, people, units, leaders, stations, groupsBuilt, reachedGroup, reachedPhone, helpCases,
      greenOpen
    var name: String {
      [
        "households", "people", "units", "leaders", "stations", "groups_built", "reached_group",
        "reached_phone", "help_cases", "green_open",
      ][rawValue]
    }
  }

  var values = [Int64](repeating: 0, count: Column.allCases.count)
  subscript(_ c: Column) -> Int64 {
    get { values[c.rawValue] }
    set { values[c.rawValue] = newValue }
  }
  var isZero: Bool { values.allSatisfy { $0 == 0 } }
  mutating func add(_ o: PGStatsDelta) { for i in values.indices { values[i] += o.values[i] } }
}

/// What a batch writes at its end: new event rows, changed assignments, and the rollup deltas summed
/// per (place, task) and per place, each written with one statement in key order.
struct PGIngestOutput {
  /// An event row to insert.
  struct NewEvent {
    var id: String
    var type: String
    var at: Int64
    var digest: Int64
    var place: Int64?
  }

  /// The result an assignment's newest changed finish brought (nil: keep the stored one).
  struct AssignmentChange {
    var result: String?
  }

  /// A (place, task) key of `task_tally`.
  struct TallyKey: Hashable, Comparable {
    var place: Int64
    var task: Int64
    static func < (a: TallyKey, b: TallyKey) -> Bool { (a.place, a.task) < (b.place, b.task) }
  }

  var events: [NewEvent] = []
  /// Ids recorded by this batch so far.
  var recorded: [String: PGIngestState.StoredEvent] = [:]
  var assignments: [PGIngestState.Key: AssignmentChange] = [:]
  var tallies: [TallyKey: TaskTally] = [:]
  var stats: [Int64: PGStatsDelta] = [:]

  mutating func addTally(task: Int64, places: [Int64], _ delta: TaskTally) {
    for p in places { tallies[TallyKey(place: p, task: task), default: TaskTally()].add(delta) }
  }

  mutating func addStats(_ delta: PGStatsDelta, to places: [Int64]) {
    for p in places { stats[p, default: PGStatsDelta()].add(delta) }
  }

  /// Inserts the events, updates the assignments (final times from `state`) and applies the rollup
  /// deltas. An event id that another writer committed meanwhile makes the insert come up short: the
  /// transaction is then run again (as a serialization failure), and that run sees the id as stored.
  func flush(_ db: PGConnection, recordedAt: Instant, source: String, state: PGIngestState) throws {
    if !events.isEmpty {
      let inserted = try insertEvents(db, recordedAt: recordedAt, source: source)
      if inserted != events.count {
        throw PGError(
          kind: .query, endpoint: db.endpoint,
          message: "\(events.count - inserted) event ids were recorded by another writer meanwhile",
          sqlState: "40001")
      }
    }
    if !assignments.isEmpty {
      let keys = assignments.keys.sorted()
      let times = keys.map { (state.assignments[$0] ?? nil) ?? PGIngestState.Times() }
      let results = keys.map { assignments[$0]!.result }
      try Self.probingByKey(db) {
        try db.exec(
          """
          UPDATE assignment a SET acked_at = s.ack, finished_at = s.fin, result = coalesce(s.res, a.result)
          FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[]) AS s(t, u, ack, fin, res)
          WHERE a.task_id = s.t AND a.unit_id = s.u
          """,
          [
            PGArray.ints(keys.map(\.task)), PGArray.ints(keys.map(\.unit)), PGArray.ints(times.map(\.ack)),
            PGArray.ints(times.map(\.finish)), PGArray.texts(results),
          ])
      }
    }
    let tallyKeys = tallies.keys.filter { tallies[$0] != TaskTally() }.sorted()
    if !tallyKeys.isEmpty {
      let d = tallyKeys.map { tallies[$0]! }
      // Through the definer function: a station may change the tallies above its scope, not read them.
      try db.exec(
        "SELECT wangge_add_tally($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[])",
        [
          PGArray.ints(tallyKeys.map(\.place)), PGArray.ints(tallyKeys.map(\.task)),
          PGArray.ints(d.map { Int64($0.assigned) }), PGArray.ints(d.map { Int64($0.acknowledged) }),
          PGArray.ints(d.map { Int64($0.acknowledgedOnTime) }), PGArray.ints(d.map { Int64($0.finished) }),
          PGArray.ints(d.map { Int64($0.finishedOnTime) }),
        ])
    }
    let statPlaces = stats.keys.filter { !stats[$0]!.isZero }.sorted()
    if !statPlaces.isEmpty {
      // Through the definer function (columns in `PGStatsDelta.Column` order), like the tallies.
      let columns = PGStatsDelta.Column.allCases
      let arrays = columns.indices.map { "$\($0 + 2)::bigint[]" }.joined(separator: ", ")
      var params: [(any PGBindable)?] = [PGArray.ints(statPlaces)]
      for c in columns { params.append(PGArray.ints(statPlaces.map { stats[$0]![c] })) }
      try Self.probingByKey(db) { try db.exec("SELECT wangge_add_stats($1::bigint[], \(arrays))", params) }
    }
  }

  /// Runs `body` (an UPDATE … FROM unnest(keys)) with hash and merge joins off, so each key is one
  /// index probe: with a long array the planner otherwise hashes the whole table (seconds on a city's
  /// assignments or place_stats, growing with the table rather than the batch). Settings are local to
  /// the transaction and put back after.
  static func probingByKey(_ db: PGConnection, _ body: () throws -> Void) throws {
    try db.exec("SET LOCAL enable_hashjoin = off")
    try db.exec("SET LOCAL enable_mergejoin = off")
    try body()
    try db.exec("SET LOCAL enable_hashjoin = on")
    try db.exec("SET LOCAL enable_mergejoin = on")
  }

  /// Writes the event rows; returns how many were stored. Where row security does not apply to this
  /// session (the store's owner) with one COPY, about three times as fast as INSERT … ON CONFLICT: an
  /// id another writer committed since the batch read the stored ids fails the COPY as a unique
  /// violation, which is turned into a serialization failure (the batch runs again and sees it).
  /// Under row security (an operator role; COPY FROM is refused there) with INSERT … ON CONFLICT.
  private func insertEvents(_ db: PGConnection, recordedAt: Instant, source: String) throws -> Int {
    let secured: Bool = try db.exec("SELECT row_security_active('event')")[0].get(0)
    guard secured else {
      do {
        return try db.copyIn("COPY event(id, type, at, recorded_at, source, digest, place_id) FROM STDIN") {
          w in
          for e in events {
            w.add(e.id)
            w.add(e.type)
            w.add(e.at)
            w.add(recordedAt.epochSeconds)
            w.add(source)
            w.add(e.digest)
            w.add(e.place)
            try w.endRow()
          }
        }
      } catch let e as PGError where e.sqlState == "23505" {
        throw PGError(
          kind: .query, endpoint: db.endpoint, message: "event ids were recorded by another writer meanwhile",
          sqlState: "40001")
      }
    }
    return try db.exec(
      """
      INSERT INTO event(id, type, at, recorded_at, source, digest, place_id)
      SELECT e.id, e.type, e.at, $4::bigint, $5::text, e.digest, e.place
      FROM unnest($1::text[], $2::text[], $3::bigint[], $6::bigint[], $7::bigint[])
        AS e(id, type, at, digest, place)
      ON CONFLICT (id) DO NOTHING
      """,
      [
        PGArray.texts(events.map(\.id)), PGArray.texts(events.map(\.type)), PGArray.ints(events.map(\.at)),
        recordedAt.epochSeconds, source, PGArray.ints(events.map(\.digest)),
        PGArray.ints(events.map(\.place)),
      ]
    ).affectedRows
  }
}
