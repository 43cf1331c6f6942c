/// A rollup row's key: a place and a second key (a task, household, depth or hour; 0 for `place_stats`).
public struct RollupKey: Hashable, Comparable, Sendable {
  public var place: Int64
  public var other: Int64
  public init(place: Int64, other: Int64 = 0) {
    self.place = place
    self.other = other
  }
  public static func < (a: RollupKey, b: RollupKey) -> Bool { (a.place, a.other) < (b.place, b.other) }
}

/// `verify`'s comparison of stored rollup rows with a recount from the raw rows, for every engine:
/// each table's stored rows are fed as they are read, then the recounted keys no row had are listed.
/// At most `limit` differences are kept.
public struct RollupComparison {
  public private(set) var mismatches: [RollupMismatch] = []
  let limit: Int
  public init(limit: Int = 1000) { self.limit = limit }

  mutating func note(_ m: RollupMismatch) { if mismatches.count < limit { mismatches.append(m) } }

  /// One rollup table's recount and how a recounted key without a stored row is reported.
  public struct Table {
    let name: String
    let fields: [String]
    let keyText: (RollupKey) -> String
    let want: [RollupKey: [Int64]]
    /// What the recount holds for a stored key it does not know.
    let absent: [Int64]
    /// The (stored, recounted) pair a missing row is reported with, nil when its absence is fine.
    let missing: ([Int64]) -> (Int64, Int64)?
    var seen = Set<RollupKey>()

    /// `place_stats`: one row per place, every place must have one.
    public static func placeStats(fields: [String], want: [Int64: [Int64]]) -> Table {
      Table(
        name: "place_stats", fields: fields, keyText: { "place \($0.place)" },
        want: Dictionary(uniqueKeysWithValues: want.map { (RollupKey(place: $0.key), $0.value) }),
        absent: Array(repeating: 0, count: fields.count), missing: { _ in (0, 1) })
    }

    /// `task_tally`: one row per (place, task); a missing row is fine while its counts are all 0.
    public static func taskTally(fields: [String], want: [RollupKey: [Int64]]) -> Table {
      Table(
        name: "task_tally", fields: fields, keyText: { "place \($0.place) task \($0.other)" }, want: want,
        absent: Array(repeating: 0, count: fields.count),
        missing: { $0.contains { $0 != 0 } ? (0, 1) : nil })
    }

    /// `help_due`: the due time of each (place, help household); stored -1 for a missing row.
    public static func helpDue(_ want: [RollupKey: Int64]) -> Table {
      Table(
        name: "help_due", fields: ["due_at"], keyText: { "place \($0.place) household \($0.other)" },
        want: want.mapValues { [$0] }, absent: [-1], missing: { (-1, $0[0]) })
    }

    /// A `(place_id, <keyColumn>) → count` table; a stored 0 is the same as no row.
    public static func counts(_ name: String, keyColumn: String, want: [RollupKey: Int64]) -> Table {
      Table(
        name: name, fields: ["count"], keyText: { "place \($0.place) \(keyColumn) \($0.other)" },
        want: want.mapValues { [$0] }, absent: [0], missing: { $0[0] != 0 ? (0, $0[0]) : nil })
    }
  }

  /// Compares one stored row of `table`.
  public mutating func stored(_ key: RollupKey, _ values: [Int64], in table: inout Table) {
    table.seen.insert(key)
    let want = table.want[key] ?? table.absent
    for (i, field) in table.fields.enumerated() where values[i] != want[i] {
      note(
        RollupMismatch(
          table: table.name, key: table.keyText(key), field: field, stored: values[i], recounted: want[i]))
    }
  }

  /// Lists the recounted keys of `table` that had no stored row.
  public mutating func finish(_ table: Table) {
    for key in table.want.keys.sorted() where !table.seen.contains(key) {
      if let (stored, recounted) = table.missing(table.want[key]!) {
        note(
          RollupMismatch(
            table: table.name, key: table.keyText(key), field: "row", stored: stored, recounted: recounted))
      }
    }
  }
}
