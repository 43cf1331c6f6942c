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
      let inserted = try db.exec(
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
    let tallyKeys = tallies.keys.filter { tallies[$0] != TaskTally() }.sorted()
    if !tallyKeys.isEmpty {
      let d = tallyKeys.map { tallies[$0]! }
      try db.exec(
        """
        INSERT INTO task_tally AS t(place_id, task_id, assigned, acked, acked_on_time, finished, finished_on_time)
        SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[],
          $6::bigint[], $7::bigint[]) AS d ORDER BY 1, 2
        ON CONFLICT (place_id, task_id) DO UPDATE SET assigned = t.assigned + excluded.assigned,
          acked = t.acked + excluded.acked, acked_on_time = t.acked_on_time + excluded.acked_on_time,
          finished = t.finished + excluded.finished,
          finished_on_time = t.finished_on_time + excluded.finished_on_time
        """,
        [
          PGArray.ints(tallyKeys.map(\.place)), PGArray.ints(tallyKeys.map(\.task)),
          PGArray.ints(d.map { Int64($0.assigned) }), PGArray.ints(d.map { Int64($0.acknowledged) }),
          PGArray.ints(d.map { Int64($0.acknowledgedOnTime) }), PGArray.ints(d.map { Int64($0.finished) }),
          PGArray.ints(d.map { Int64($0.finishedOnTime) }),
        ])
    }
    let statPlaces = stats.keys.filter { !stats[$0]!.isZero }.sorted()
    if !statPlaces.isEmpty {
      let columns = PGStatsDelta.Column.allCases
      let sets = columns.map { "\($0.name) = p.\($0.name) + s.\($0.name)" }.joined(separator: ", ")
      let arrays = columns.indices.map { "$\($0 + 2)::bigint[]" }.joined(separator: ", ")
      let names = columns.map(\.name).joined(separator: ", ")
      var params: [(any PGBindable)?] = [PGArray.ints(statPlaces)]
      for c in columns { params.append(PGArray.ints(statPlaces.map { stats[$0]![c] })) }
      try db.exec(
        """
        UPDATE place_stats p SET \(sets)
        FROM (SELECT * FROM unnest($1::bigint[], \(arrays)) AS s(id, \(names)) ORDER BY id) s
        WHERE p.place_id = s.id
        """, params)
    }
  }
}
