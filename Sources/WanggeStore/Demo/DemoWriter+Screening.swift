import WanggeCore

/// What the demo's screening finishes found: a finished screening assignment's result names the
/// unit's returnees who had arrived by the finish (and, of them, the high- and medium-risk ones whose
/// isolation cases the demo opens) and about all of its households as checked, with a problem now and
/// then. Written as `screening_result` rows with `screening_tally` (unit and ancestors) and
/// `screening_group_tally` (the leader's department and squad) rollups. Only with isolation data
/// (presets of 10,000 households and more); the checked counts come from a stream per unit and task
/// so that no other demo row changes.
struct DemoScreening {
  /// A returnee of the unit being written, as a screening result names them.
  struct Found {
    var household: Int64
    var name: String
    var from: String
    var arrived: Int64
    var isolate: Bool
  }
  /// The unit being written: its households and returnees; its leader's department and squad ids.
  var households = 0
  var found: [Found] = []
  var department: Int64 = 0
  var squad: Int64 = 0
  /// `screening_tally` counters per open depth and task index.
  var open: [[Int: [Int64]]]
  /// `screening_group_tally` counters by (kind, group, task id).
  var groups: [[Int64]: [Int64]] = [:]
  var streams: [String: any RowStream] = [:]

  static let tables: [(table: String, columns: [String])] = [
    (
      "screening_result",
      ["task_id", "unit_id"] + ScreeningRules.tallyColumns + ["department_id", "squad_id", "event_id"]
    ),
    ("screening_tally", ["place_id", "task_id"] + ScreeningRules.tallyColumns),
    ("screening_group_tally", ["kind", "group_id", "task_id"] + ScreeningRules.tallyColumns),
  ]

  init(sink: any TableSink, enabled: Bool, depth: Int) throws {
    open = Array(repeating: [:], count: depth + 1)
    guard enabled else { return }
    for (table, columns) in Self.tables { streams[table] = try sink.rows(of: table, columns: columns) }
  }
}

extension DemoWriter {
  /// The result text and counts of the unit's finish of screening task `t` at `finish`, recorded
  /// with its rollups; nil (the caller keeps its own text) without isolation data.
  mutating func screeningResult(task t: Int, unitID: Int64, finish: Int64) throws -> String? {
    guard isolation.enabled else { return nil }
    var rng = SeededRandom(seed: UInt64(unitID) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(t + 1) &* 0xC2B2_AE3D)
    let s = screening
    let day = LocalDay(Instant(epochSeconds: finish)).number
    let found = s.found.filter { LocalDay(Instant(epochSeconds: $0.arrived)).number <= day }
    let isolate = found.filter(\.isolate)
    let checked = max(0, s.households - rng.below(max(1, s.households / 25) + 1))
    let problems = rng.chance(0.04) ? ["\(rng.below(3) + 1)户联系不上"] : []
    func quoted(_ text: String) -> String { "\"\(text)\"" }
    let returnees = found.map {
      "{\"household\":\($0.household),\"name\":\(quoted($0.name)),\"from\":\(quoted($0.from)),"
        + "\"arrived\":\(quoted(LocalDay(Instant(epochSeconds: $0.arrived)).iso))}"
    }
    let isolated = isolate.map {
      "{\"household\":\($0.household),\"name\":\(quoted($0.name)),"
        + "\"start\":\(quoted(LocalDay(Instant(epochSeconds: $0.arrived)).iso))}"
    }
    let text =
      "{\"checked\":\(checked),\"returnees\":[\(returnees.joined(separator: ","))],"
      + "\"isolate\":[\(isolated.joined(separator: ","))],\"problems\":[\(problems.map(quoted).joined(separator: ","))]}"
    let values = [Int64(checked), Int64(found.count), Int64(isolate.count), Int64(problems.count)]
    let result = screening.streams["screening_result"]!.int(t + 1).int(unitID)
    for v in values { result.int(v) }
    try result.int(s.department).int(s.squad).optionalText(nil).run()
    let tally = screening.streams["screening_tally"]!.int(unitID).int(t + 1)
    for v in values { tally.int(v) }
    try tally.run()
    for d in 0..<unitDepth { screening.open[d][t, default: [0, 0, 0, 0]].add(values) }
    for key in [[0, s.department, Int64(t + 1)], [1, s.squad, Int64(t + 1)]] {
      screening.groups[key, default: [0, 0, 0, 0]].add(values)
    }
    return text
  }

  /// Writes the `screening_tally` rows of the place at `depth` (id `id`) as its subtree closes.
  mutating func closeScreening(depth: Int, id: Int64) throws {
    guard isolation.enabled, depth < unitDepth else { return }
    let open = screening.open[depth]
    screening.open[depth] = [:]
    for (t, values) in open.sorted(by: { $0.key < $1.key }) {
      let tally = screening.streams["screening_tally"]!.int(id).int(t + 1)
      for v in values { tally.int(v) }
      try tally.run()
    }
  }

  /// Writes the department and squad rollups once every unit is written.
  mutating func closeScreeningGroups() throws {
    guard isolation.enabled else { return }
    for (key, values) in screening.groups.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
      let g = screening.streams["screening_group_tally"]!
      for k in key { g.int(k) }
      for v in values { g.int(v) }
      try g.run()
    }
  }
}

extension [Int64] {
  /// Adds `other` element by element.
  fileprivate mutating func add(_ other: [Int64]) {
    for i in indices { self[i] += other[i] }
  }
}
