import WanggeCore

/// The orders desk's rollup changes, one call per change: plain statements on SQLite, the SECURITY
/// DEFINER functions of migration 11 on PostgreSQL (a station changes the rows above its scope only
/// through them).
struct OrderRollups {
  let sql: any OrderSQL

  static func inList(_ ids: [Int64]) -> String { "(" + ids.map(String.init).joined(separator: ",") + ")" }

  /// Adds to `order_stats` of every place in `places`.
  func addStats(
    _ places: [Int64], unclaimed: Int64 = 0, claimed: Int64 = 0, green: Int64 = 0, taken: Int64 = 0
  )
    throws
  {
    if sql.isPostgres {
      try sql.run(
        "SELECT wangge_order_stats(?::bigint[], ?, ?, ?, ?)",
        [.list(places), .int(unclaimed), .int(claimed), .int(green), .int(taken)])
      return
    }
    for p in places {
      try sql.run(
        """
        INSERT INTO order_stats(place_id, unclaimed, claimed, green_open, green_taken) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(place_id) DO UPDATE SET unclaimed = unclaimed + excluded.unclaimed,
          claimed = claimed + excluded.claimed, green_open = green_open + excluded.green_open,
          green_taken = green_taken + excluded.green_taken
        """, [.int(p), .int(unclaimed), .int(claimed), .int(green), .int(taken)])
    }
  }

  /// Moves an item's active deadline from `old` to `new` (nil: none) in `order_due` and its hour count.
  func moveDue(_ places: [Int64], item: String, kind: String, openedAt: Int64, old: Int64?, new: Int64?)
    throws
  {
    if old == new { return }
    if sql.isPostgres {
      try sql.run(
        "SELECT wangge_order_due(?::bigint[], ?, ?, ?, ?::bigint, ?::bigint)",
        [.list(places), .text(item), .text(kind), .int(openedAt), .opt(old), .opt(new)])
      return
    }
    let list = Self.inList(places)
    if let old {
      try sql.run("DELETE FROM order_due WHERE item_id = ? AND place_id IN \(list)", [.text(item)])
      try sql.run(
        "UPDATE order_due_hour SET count = count - 1 WHERE kind = ? AND hour = ? AND place_id IN \(list)",
        [.text(kind), .int(old / 3600)])
    }
    if let new {
      for p in places {
        try sql.run(
          "INSERT INTO order_due(place_id, item_id, kind, opened_at, due_at) VALUES (?, ?, ?, ?, ?)",
          [.int(p), .text(item), .text(kind), .int(openedAt), .int(new)])
        try sql.run(
          """
          INSERT INTO order_due_hour(place_id, kind, hour, count) VALUES (?, ?, ?, 1)
          ON CONFLICT(place_id, kind, hour) DO UPDATE SET count = count + 1
          """, [.int(p), .text(kind), .int(new / 3600)])
      }
    }
  }

  /// Counts one close in `order_closed` of every place.
  func addClosed(_ places: [Int64], day: Int64, bucket: Int) throws {
    if sql.isPostgres {
      try sql.run(
        "SELECT wangge_order_closed(?::bigint[], ?, ?)", [.list(places), .int(day), .int(Int64(bucket))])
      return
    }
    for p in places {
      try sql.run(
        """
        INSERT INTO order_closed(place_id, day, bucket, count) VALUES (?, ?, ?, 1)
        ON CONFLICT(place_id, day, bucket) DO UPDATE SET count = count + 1
        """, [.int(p), .int(day), .int(Int64(bucket))])
    }
  }

  /// Turns a help case's old green flag (and `place_stats.green_open`) on or off.
  func setHelpGreen(household: Int64, places: [Int64], open: Bool) throws {
    try sql.run(
      "UPDATE help_case SET green = ? WHERE household_id = ?", [.int(open ? 1 : 0), .int(household)])
    let d: Int64 = open ? 1 : -1
    if sql.isPostgres {
      let zeros = OrderArg.list(places.map { _ in 0 })
      try sql.run(
        "SELECT wangge_add_stats(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], "
          + "?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])",
        [.list(places)] + Array(repeating: zeros, count: 9) + [.list(places.map { _ in d })])
      return
    }
    try sql.run(
      "UPDATE place_stats SET green_open = green_open + ? WHERE place_id IN \(Self.inList(places))", [.int(d)]
    )
  }
}
