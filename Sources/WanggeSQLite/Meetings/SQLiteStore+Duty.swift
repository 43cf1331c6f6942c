import GRDB
import WanggeCore
import WanggeStore

/// The duty roster and sign-ins on SQLite (migration v7-meetings).
extension SQLiteStore: DutyDesk {
  public func addDutyPost(_ post: DutyPost) throws -> DutyPost {
    if let p = post.problem { throw MeetingInputError(p) }
    return try write { db in
      try db.execute(
        sql: """
          INSERT INTO duty_post(place_id, role, person, phone, start_minute, length_minutes, on_days, off_days, anchor_day)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          post.placeID, post.role, post.person, post.phone, post.startMinute, post.lengthMinutes, post.onDays,
          post.offDays, post.anchorDay,
        ])
      var p = post
      p.id = db.lastInsertedRowID
      try DutyRollupBook(sql: SQLiteOrderSQL(db: db)).postAdded(p)
      return p
    }
  }

  public func dutyRoster(of place: Int64) throws -> [DutyPost] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, place_id, role, person, phone, start_minute, length_minutes, on_days, off_days, anchor_day
          FROM duty_post WHERE place_id = ? ORDER BY id
          """, arguments: [place]
      ).map {
        DutyPost(
          id: $0[0], placeID: $0[1], role: $0[2], person: $0[3], phone: $0[4], startMinute: $0[5],
          lengthMinutes: $0[6], onDays: $0[7], offDays: $0[8], anchorDay: $0[9])
      }
    }
  }

  public func signDuty(post: Int64, at: Instant, eventID: String, signingOut: Bool) throws -> Bool {
    try write { db in
      guard
        let place = try Int64.fetchOne(
          db, sql: "SELECT place_id FROM duty_post WHERE id = ?", arguments: [post])
      else {
        throw MeetingInputError("--post \(post): no such post; `wangge duty roster --scope PLACE` lists them")
      }
      try db.execute(
        sql: "INSERT OR IGNORE INTO duty_sign(event_id, post_id, place_id, at, kind) VALUES (?, ?, ?, ?, ?)",
        arguments: [eventID, post, place, at.epochSeconds, signingOut ? 0 : 1])
      guard db.changesCount > 0 else { return false }
      try DutyRollupBook(sql: SQLiteOrderSQL(db: db)).signed(post: post, eventID: eventID)
      return true
    }
  }

  public func latestSigns(of posts: [Int64], at: Instant) throws -> [Int64: (at: Instant, signedIn: Bool)] {
    try read { db in
      var out: [Int64: (at: Instant, signedIn: Bool)] = [:]
      for id in posts {
        if let row = try Row.fetchOne(
          db, sql: "SELECT at, kind FROM duty_sign WHERE post_id = ? AND at <= ? ORDER BY at DESC LIMIT 1",
          arguments: [id, at.epochSeconds])
        {
          out[id] = (Instant(epochSeconds: row[0]), (row[1] as Int64) == 1)
        }
      }
      return out
    }
  }

  public func dutyGaps(for places: [Int64], at now: Instant) throws -> [Int64: Int] {
    try read { db in try DutyRollupBook(sql: SQLiteOrderSQL(db: db)).gaps(for: places, at: now) }
  }
}
