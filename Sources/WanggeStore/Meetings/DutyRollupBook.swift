import WanggeCore

/// The 空岗 rollup's rows (`duty_shape`: posts per shift shape; `duty_on`: posts signed in per shift),
/// kept per place — the post's station and every ancestor — in the same transaction as the post or the
/// sign, written once for both engines through the orders desk's SQL adapter (on PostgreSQL through
/// the SECURITY DEFINER functions of the duty migration, so a station changes the rows above it).
public struct DutyRollupBook {
  let sql: any OrderSQL
  public init(sql: any OrderSQL) { self.sql = sql }

  /// The tables, for both engines' migrations (`int`: the engine's integer type).
  public static func tables(int: String) -> String {
    """
    CREATE TABLE duty_shape(
      place_id \(int) NOT NULL, start_minute \(int) NOT NULL, length_minutes \(int) NOT NULL,
      on_days \(int) NOT NULL, off_days \(int) NOT NULL, anchor_day \(int) NOT NULL, posts \(int) NOT NULL,
      PRIMARY KEY(place_id, start_minute, length_minutes, on_days, off_days, anchor_day));
    CREATE TABLE duty_on(
      place_id \(int) NOT NULL, shift_start \(int) NOT NULL, length_minutes \(int) NOT NULL,
      posts \(int) NOT NULL, PRIMARY KEY(place_id, shift_start, length_minutes));
    """
  }

  /// The rollup's table names (copied by `wangge copy`, dropped with the store).
  public static let tableNames = ["duty_shape", "duty_on"]

  /// The place and its ancestors, nearest first.
  func chain(of place: Int64) throws -> [Int64] {
    var out: [Int64] = []
    var next: Int64? = place
    while let id = next, out.count < 64 {
      out.append(id)
      next = try sql.rows("SELECT parent_id FROM place WHERE id = ?", [.int(id)]).first?[0].flatMap {
        Int64($0)
      }
    }
    return out
  }

  static let postColumns =
    "id, place_id, role, person, phone, start_minute, length_minutes, on_days, off_days, anchor_day"

  func posts(_ filter: String, _ args: [OrderArg]) throws -> [DutyPost] {
    try sql.rows("SELECT \(Self.postColumns) FROM duty_post \(filter) ORDER BY id", args).map { r in
      let n = r.map { Int64($0 ?? "") ?? 0 }
      return DutyPost(
        id: n[0], placeID: n[1], role: r[2] ?? "", person: r[3] ?? "", phone: r[4] ?? "",
        startMinute: Int(n[5]), lengthMinutes: Int(n[6]), onDays: Int(n[7]), offDays: Int(n[8]),
        anchorDay: n[9])
    }
  }

  /// The stored post with `post`'s roster key (station, post, person, shift start), if any: what an
  /// import's upsert compares with before it writes, so the rollup can move from the old to the new.
  public func post(withKeyOf post: DutyPost) throws -> DutyPost? {
    try posts(
      "WHERE place_id = ? AND role = ? AND person = ? AND start_minute = ?",
      [.int(post.placeID), .text(post.role), .text(post.person), .int(Int64(post.startMinute))]
    ).first
  }

  typealias Sign = (post: Int64, at: Instant, signedIn: Bool)

  func signs(_ filter: String, _ args: [OrderArg]) throws -> [Sign] {
    try sql.rows("SELECT post_id, at, kind FROM duty_sign \(filter) ORDER BY at, event_id", args).map { r in
      (Int64(r[0] ?? "") ?? 0, Instant(epochSeconds: Int64(r[1] ?? "") ?? 0), r[2] == "1")
    }
  }

  /// A post added to the roster (call in the transaction that inserted it).
  public func postAdded(_ post: DutyPost) throws {
    try apply(post, chain: try chain(of: post.placeID), before: nil, after: [])
  }

  /// A post's timing or station changed from `old` (call after the update, in its transaction): its
  /// contribution under the old values is taken out and the new one put in.
  public func postChanged(from old: DutyPost, to new: DutyPost) throws {
    let s = try signs("WHERE post_id = ?", [.int(new.id)])
    try apply(old, chain: try chain(of: old.placeID), before: s, after: nil)
    try apply(new, chain: try chain(of: new.placeID), before: nil, after: s)
  }

  /// A sign of `post` just inserted (call in the inserting transaction): the post's contribution is
  /// recounted from its signs with and without it, and the difference applied (so a sign arriving out
  /// of order changes the rollup exactly as `verify`'s recount does).
  public func signed(post: Int64, eventID: String) throws {
    guard let p = try posts("WHERE id = ?", [.int(post)]).first else { return }
    let after = try signs("WHERE post_id = ?", [.int(post)])
    let before = try signs("WHERE post_id = ? AND event_id <> ?", [.int(post), .text(eventID)])
    try apply(p, chain: try chain(of: p.placeID), before: before, after: after)
  }

  /// Applies `after`'s contribution less `before`'s (nil: the post absent) to every place of `chain`.
  func apply(_ p: DutyPost, chain: [Int64], before: [Sign]?, after: [Sign]?) throws {
    func contribution(_ s: [Sign]?) -> (shapes: [DutyShape: Int], on: [DutyRollup.Shift: Int]) {
      guard let s else { return ([:], [:]) }
      let r = DutyRollup.recount(posts: [p], signs: s) { [$0] }
      return (r.shapes[p.placeID] ?? [:], r.on[p.placeID] ?? [:])
    }
    let (b, a) = (contribution(before), contribution(after))
    for shape in Set(a.shapes.keys).union(b.shapes.keys) {
      let d = (a.shapes[shape] ?? 0) - (b.shapes[shape] ?? 0)
      if d != 0 { try addShape(chain, shape, Int64(d)) }
    }
    for shift in Set(a.on.keys).union(b.on.keys) {
      let d = (a.on[shift] ?? 0) - (b.on[shift] ?? 0)
      if d != 0 { try addOn(chain, shift, Int64(d)) }
    }
  }

  func addShape(_ places: [Int64], _ s: DutyShape, _ d: Int64) throws {
    let key: [OrderArg] = [
      .int(Int64(s.startMinute)), .int(Int64(s.lengthMinutes)), .int(Int64(s.onDays)), .int(Int64(s.offDays)),
      .int(s.anchorDay), .int(d),
    ]
    if sql.isPostgres {
      try sql.run("SELECT wangge_duty_shape(?::bigint[], ?, ?, ?, ?, ?, ?)", [.list(places)] + key)
      return
    }
    for place in places {
      try sql.run(
        """
        INSERT INTO duty_shape(place_id, start_minute, length_minutes, on_days, off_days, anchor_day, posts)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(place_id, start_minute, length_minutes, on_days, off_days, anchor_day)
        DO UPDATE SET posts = posts + excluded.posts
        """, [.int(place)] + key)
    }
  }

  func addOn(_ places: [Int64], _ s: DutyRollup.Shift, _ d: Int64) throws {
    let key: [OrderArg] = [.int(s.start.epochSeconds), .int(Int64(s.lengthMinutes)), .int(d)]
    if sql.isPostgres {
      try sql.run("SELECT wangge_duty_on(?::bigint[], ?, ?, ?)", [.list(places)] + key)
      return
    }
    for place in places {
      try sql.run(
        """
        INSERT INTO duty_on(place_id, shift_start, length_minutes, posts) VALUES (?, ?, ?, ?)
        ON CONFLICT(place_id, shift_start, length_minutes) DO UPDATE SET posts = posts + excluded.posts
        """, [.int(place)] + key)
    }
  }

  /// 空岗 at `now` of each of `places`, from their rollup rows alone: O(shapes + shifts of the last two
  /// days) per place, however many posts lie under it.
  public func gaps(for places: [Int64], at now: Instant) throws -> [Int64: Int] {
    guard !places.isEmpty else { return [:] }
    let list = "(" + places.map(String.init).joined(separator: ",") + ")"
    var shapes: [Int64: [DutyShape: Int]] = [:]
    var on: [Int64: [DutyRollup.Shift: Int]] = [:]
    for r in try sql.rows(
      """
      SELECT place_id, start_minute, length_minutes, on_days, off_days, anchor_day, posts FROM duty_shape
      WHERE place_id IN \(list) AND posts <> 0
      """, [])
    {
      let n = r.map { Int64($0 ?? "") ?? 0 }
      let shape = DutyShape(
        startMinute: Int(n[1]), lengthMinutes: Int(n[2]), onDays: Int(n[3]), offDays: Int(n[4]),
        anchorDay: n[5])
      shapes[n[0], default: [:]][shape] = Int(n[6])
    }
    for r in try sql.rows(
      """
      SELECT place_id, shift_start, length_minutes, posts FROM duty_on
      WHERE place_id IN \(list) AND shift_start > ? AND shift_start <= ? AND posts <> 0
      """, [.int((now - DutyRollup.lookBack).epochSeconds), .int(now.epochSeconds)])
    {
      let n = r.map { Int64($0 ?? "") ?? 0 }
      on[n[0], default: [:]][DutyRollup.Shift(start: Instant(epochSeconds: n[1]), lengthMinutes: Int(n[2]))] =
        Int(n[3])
    }
    var out: [Int64: Int] = [:]
    for p in places { out[p] = DutyRollup.gaps(shapes: shapes[p] ?? [:], on: on[p] ?? [:], at: now) }
    return out
  }

  /// The rollup recounted from every post and sign.
  func recount() throws -> (shapes: [Int64: [DutyShape: Int]], on: [Int64: [DutyRollup.Shift: Int]]) {
    var chains: [Int64: [Int64]] = [:]
    return try DutyRollup.recount(posts: try posts("", []), signs: try signs("", [])) { place in
      if let c = chains[place] { return c }
      let c = try chain(of: place)
      chains[place] = c
      return c
    }
  }

  /// `verify`: every stored row against the recount (a stored 0 is the same as no row).
  public func mismatches() throws -> [RollupMismatch] {
    let want = try recount()
    var out: [RollupMismatch] = []
    var stored: [Int64: [DutyShape: Int]] = [:]
    for r in try sql.rows(
      "SELECT place_id, start_minute, length_minutes, on_days, off_days, anchor_day, posts FROM duty_shape",
      [])
    {
      let n = r.map { Int64($0 ?? "") ?? 0 }
      stored[n[0], default: [:]][
        DutyShape(
          startMinute: Int(n[1]), lengthMinutes: Int(n[2]), onDays: Int(n[3]), offDays: Int(n[4]),
          anchorDay: n[5])
      ] = Int(n[6])
    }
    var storedOn: [Int64: [DutyRollup.Shift: Int]] = [:]
    for r in try sql.rows("SELECT place_id, shift_start, length_minutes, posts FROM duty_on", []) {
      let n = r.map { Int64($0 ?? "") ?? 0 }
      storedOn[n[0], default: [:]][
        DutyRollup.Shift(start: Instant(epochSeconds: n[1]), lengthMinutes: Int(n[2]))] =
        Int(n[3])
    }
    for place in Set(stored.keys).union(want.shapes.keys).sorted() {
      let (s, w) = (stored[place] ?? [:], want.shapes[place] ?? [:])
      for shape in Set(s.keys).union(w.keys) where (s[shape] ?? 0) != (w[shape] ?? 0) {
        out.append(
          RollupMismatch(
            table: "duty_shape",
            key:
              "place \(place) shift \(shape.startMinute)+\(shape.lengthMinutes)m \(shape.onDays)/\(shape.offDays)",
            field: "posts", stored: Int64(s[shape] ?? 0), recounted: Int64(w[shape] ?? 0)))
      }
    }
    for place in Set(storedOn.keys).union(want.on.keys).sorted() {
      let (s, w) = (storedOn[place] ?? [:], want.on[place] ?? [:])
      for shift in Set(s.keys).union(w.keys) where (s[shift] ?? 0) != (w[shift] ?? 0) {
        out.append(
          RollupMismatch(
            table: "duty_on", key: "place \(place) shift \(shift.start.epochSeconds)", field: "posts",
            stored: Int64(s[shift] ?? 0), recounted: Int64(w[shift] ?? 0)))
      }
    }
    return out
  }

  /// Rebuilds the rollup from the posts and signs (the migration that adds it, on a store that has a
  /// roster already). Runs as the store's owner.
  public func rebuild() throws {
    try sql.run("DELETE FROM duty_shape", [])
    try sql.run("DELETE FROM duty_on", [])
    let r = try recount()
    for (place, shapes) in r.shapes {
      for (s, n) in shapes where n != 0 {
        try sql.run(
          """
          INSERT INTO duty_shape(place_id, start_minute, length_minutes, on_days, off_days, anchor_day, posts)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
          [
            .int(place), .int(Int64(s.startMinute)), .int(Int64(s.lengthMinutes)), .int(Int64(s.onDays)),
            .int(Int64(s.offDays)), .int(s.anchorDay), .int(Int64(n)),
          ])
      }
    }
    for (place, shifts) in r.on {
      for (s, n) in shifts where n != 0 {
        try sql.run(
          "INSERT INTO duty_on(place_id, shift_start, length_minutes, posts) VALUES (?, ?, ?, ?)",
          [.int(place), .int(s.start.epochSeconds), .int(Int64(s.lengthMinutes)), .int(Int64(n))])
      }
    }
  }
}
