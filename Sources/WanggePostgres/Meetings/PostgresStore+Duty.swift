import WanggeCore
import WanggeStore

/// The duty roster and sign-ins on PostgreSQL (migration 13).
extension PostgresStore: DutyDesk {
  public func addDutyPost(_ post: DutyPost) throws -> DutyPost {
    if let p = post.problem { throw MeetingInputError(p) }
    return try write { db in
      var p = post
      p.id = try db.exec(
        """
        INSERT INTO duty_post(place_id, role, person, phone, start_minute, length_minutes, on_days, off_days, anchor_day)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
        """,
        [
          post.placeID, post.role, post.person, post.phone, Int64(post.startMinute),
          Int64(post.lengthMinutes),
          Int64(post.onDays), Int64(post.offDays), post.anchorDay,
        ])[0].get(0)
      try DutyRollupBook(sql: PGOrderSQL(db: db)).postAdded(p)
      return p
    }
  }

  public func dutyRoster(of place: Int64) throws -> [DutyPost] {
    try read { db in
      try db.exec(
        """
        SELECT id, place_id, role, person, phone, start_minute, length_minutes, on_days, off_days, anchor_day
        FROM duty_post WHERE place_id = $1 ORDER BY id
        """, [place]
      ).map {
        DutyPost(
          id: try $0.get(0), placeID: try $0.get(1), role: try $0.get(2), person: try $0.get(3),
          phone: try $0.get(4), startMinute: Int(try $0.get(5, as: Int64.self)),
          lengthMinutes: Int(try $0.get(6, as: Int64.self)), onDays: Int(try $0.get(7, as: Int64.self)),
          offDays: Int(try $0.get(8, as: Int64.self)), anchorDay: try $0.get(9))
      }
    }
  }

  public func signDuty(post: Int64, at: Instant, eventID: String, signingOut: Bool) throws -> Bool {
    try write { db in
      guard let row = try db.exec("SELECT place_id FROM duty_post WHERE id = $1", [post]).first else {
        throw MeetingInputError("--post \(post): no such post; `wangge duty roster --scope PLACE` lists them")
      }
      let place: Int64 = try row.get(0)
      let inserted =
        try db.exec(
          """
          INSERT INTO duty_sign(event_id, post_id, place_id, at, kind) VALUES ($1, $2, $3, $4, $5)
          ON CONFLICT (event_id) DO NOTHING
          """, [eventID, post, place, at.epochSeconds, Int64(signingOut ? 0 : 1)]
        ).affectedRows > 0
      if inserted { try DutyRollupBook(sql: PGOrderSQL(db: db)).signed(post: post, eventID: eventID) }
      return inserted
    }
  }

  public func latestSigns(of posts: [Int64], at: Instant) throws -> [Int64: (at: Instant, signedIn: Bool)] {
    guard !posts.isEmpty else { return [:] }
    return try read { db in
      var out: [Int64: (at: Instant, signedIn: Bool)] = [:]
      for row in try db.exec(
        """
        SELECT DISTINCT ON (post_id) post_id, at, kind FROM duty_sign
        WHERE post_id = ANY($1::bigint[]) AND at <= $2 ORDER BY post_id, at DESC
        """, [PGArray.ints(posts), at.epochSeconds])
      {
        out[try row.get(0)] = (Instant(epochSeconds: try row.get(1)), try row.get(2, as: Int64.self) == 1)
      }
      return out
    }
  }

  public func dutyGaps(for places: [Int64], at now: Instant) throws -> [Int64: Int] {
    try read { db in try DutyRollupBook(sql: PGOrderSQL(db: db)).gaps(for: places, at: now) }
  }
}
