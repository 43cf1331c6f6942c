import WanggeCore

/// `verify` for the orders desk: every rollup of migration `v9-orders` (PostgreSQL `v11-orders`) recounted from the orders and
/// green channels (stats, due rows and their hour counts, closes per day and bucket).
public struct OrderRecount {
  let sql: any OrderSQL
  public init(_ sql: any OrderSQL) { self.sql = sql }

  public func mismatches() throws -> [RollupMismatch] {
    var parent: [Int64: Int64] = [:]
    for r in try sql.rows("SELECT id, parent_id FROM place WHERE parent_id IS NOT NULL", []) {
      parent[Int64(r[0]!)!] = Int64(r[1]!)!
    }
    func chain(_ unit: Int64) -> [Int64] {
      var out = [unit]
      var c = unit
      while let p = parent[c] {
        out.append(p)
        c = p
      }
      return out
    }
    var stats: [Int64: [Int64]] = [:]  // place → unclaimed, claimed, green_open, green_taken
    var due: [String: Int64] = [:]  // "place|item" → due
    var hours: [String: Int64] = [:]  // "place|kind|hour" → count
    var closed: [String: Int64] = [:]  // "place|day|bucket" → count
    func add(_ places: [Int64], _ i: Int) { for p in places { stats[p, default: [0, 0, 0, 0]][i] += 1 } }
    for r in try sql.rows(
      "SELECT id, unit_id, state, claim_by, close_by, opened_at, closed_at FROM service_order", [])
    {
      let places = chain(Int64(r[1]!)!)
      let opened = Int64(r[5]!)!
      switch r[2] {
      case "open", "claimed":
        add(places, r[2] == "open" ? 0 : 1)
        let d = Int64((r[2] == "open" ? r[3] : r[4])!)!
        for p in places {
          due["\(p)|\(r[0]!)"] = d
          hours["\(p)|o|\(d.floorDivided(by: 3600))", default: 0] += 1
        }
      default:
        guard let c = r[6].flatMap({ Int64($0) }) else { continue }
        let at = Instant(epochSeconds: c)
        let key =
          "\(CloseDurations.day(at))|\(CloseDurations.bucket(at.since(Instant(epochSeconds: opened))))"
        for p in places { closed["\(p)|\(key)", default: 0] += 1 }
      }
    }
    for r in try sql.rows(
      "SELECT id, unit_id, state, respond_by FROM green_channel WHERE state <> 'resolved'", [])
    {
      let places = chain(Int64(r[1]!)!)
      add(places, r[2] == "open" ? 2 : 3)
      guard r[2] == "open" else { continue }
      let d = Int64(r[3]!)!
      for p in places {
        due["\(p)|\(r[0]!)"] = d
        hours["\(p)|g|\(d.floorDivided(by: 3600))", default: 0] += 1
      }
    }
    var out: [RollupMismatch] = []
    let names = ["unclaimed", "claimed", "green_open", "green_taken"]
    var storedStats: [Int64: [Int64]] = [:]
    for r in try sql.rows("SELECT place_id, unclaimed, claimed, green_open, green_taken FROM order_stats", [])
    {
      storedStats[Int64(r[0]!)!] = (1...4).map { Int64(r[$0]!)! }
    }
    for p in Set(stats.keys).union(storedStats.keys).sorted() {
      let s = storedStats[p] ?? [0, 0, 0, 0]
      let e = stats[p] ?? [0, 0, 0, 0]
      for i in 0..<4 where s[i] != e[i] {
        out.append(
          RollupMismatch(
            table: "order_stats", key: "place \(p)", field: names[i], stored: s[i], recounted: e[i]))
      }
    }
    func compare(_ table: String, _ field: String, _ stored: [String: Int64], _ expected: [String: Int64]) {
      for k in Set(stored.keys).union(expected.keys).sorted() {
        let s = stored[k] ?? 0
        let e = expected[k] ?? 0
        if s != e { out.append(RollupMismatch(table: table, key: k, field: field, stored: s, recounted: e)) }
      }
    }
    var storedDue: [String: Int64] = [:]
    for r in try sql.rows("SELECT place_id, item_id, due_at FROM order_due", []) {
      storedDue["\(r[0]!)|\(r[1]!)"] = Int64(r[2]!)!
    }
    compare("order_due", "due_at", storedDue, due)
    var storedHours: [String: Int64] = [:]
    for r in try sql.rows("SELECT place_id, kind, hour, count FROM order_due_hour WHERE count <> 0", []) {
      storedHours["\(r[0]!)|\(r[1]!)|\(r[2]!)"] = Int64(r[3]!)!
    }
    compare("order_due_hour", "count", storedHours, hours)
    var storedClosed: [String: Int64] = [:]
    for r in try sql.rows("SELECT place_id, day, bucket, count FROM order_closed WHERE count <> 0", []) {
      storedClosed["\(r[0]!)|\(r[1]!)|\(r[2]!)"] = Int64(r[3]!)!
    }
    compare("order_closed", "count", storedClosed, closed)
    // Volunteer rollups: orders in hand per holder, volunteers / reported / on post per place and day.
    var load: [String: Int64] = [:]
    for r in try sql.rows("SELECT claimed_by FROM service_order WHERE state = 'claimed'", []) {
      load[r[0] ?? "", default: 0] += 1
    }
    var storedLoad: [String: Int64] = [:]
    for r in try sql.rows("SELECT holder, in_hand FROM volunteer_load WHERE in_hand <> 0", []) {
      storedLoad[r[0]!] = Int64(r[1]!)!
    }
    compare("volunteer_load", "in_hand", storedLoad, load)
    var vols: [String: Int64] = [:]  // "place|volunteers" / "place|reported" → count
    var onPost: [String: Int64] = [:]  // "place|day" → count
    for r in try sql.rows(
      "SELECT v.place_id, f.reported_at, f.on_post_at FROM volunteer v JOIN volunteer_profile f ON f.volunteer_id = v.id",
      [])
    {
      for p in chain(Int64(r[0]!)!) {
        vols["\(p)|volunteers", default: 0] += 1
        if r[1] != nil { vols["\(p)|reported", default: 0] += 1 }
        if let t = r[2].flatMap({ Int64($0) }) {
          onPost["\(p)|\(CloseDurations.day(Instant(epochSeconds: t)))", default: 0] += 1
        }
      }
    }
    var storedVols: [String: Int64] = [:]
    for r in try sql.rows("SELECT place_id, volunteers, reported FROM volunteer_stats", []) {
      if r[1] != "0" { storedVols["\(r[0]!)|volunteers"] = Int64(r[1]!)! }
      if r[2] != "0" { storedVols["\(r[0]!)|reported"] = Int64(r[2]!)! }
    }
    compare("volunteer_stats", "count", storedVols, vols)
    var storedOnPost: [String: Int64] = [:]
    for r in try sql.rows("SELECT place_id, day, count FROM volunteer_on_post WHERE count <> 0", []) {
      storedOnPost["\(r[0]!)|\(r[1]!)"] = Int64(r[2]!)!
    }
    compare("volunteer_on_post", "count", storedOnPost, onPost)
    return out
  }
}
