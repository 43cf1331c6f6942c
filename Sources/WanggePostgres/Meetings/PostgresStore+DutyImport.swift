import WanggeCore
import WanggeStore

/// The duty roster's upsert by key on PostgreSQL (the roster's grants and scope policies apply).
extension PostgresStore: DutyRosterImport {
  public func upsertDutyPosts(_ posts: [DutyPost]) throws -> Int {
    for p in posts { if let problem = p.problem { throw MeetingInputError(problem) } }
    return try write { db in
      let book = DutyRollupBook(sql: PGOrderSQL(db: db))
      for p in posts {
        var stored = p
        if let old = try book.post(withKeyOf: p) {
          stored.id = old.id
          try db.exec(
            """
            UPDATE duty_post SET phone = $1, length_minutes = $2, on_days = $3, off_days = $4, anchor_day = $5
            WHERE id = $6
            """, [p.phone, Int64(p.lengthMinutes), Int64(p.onDays), Int64(p.offDays), p.anchorDay, old.id])
          try book.postChanged(from: old, to: stored)
        } else {
          let inserted = try db.exec(
            """
            INSERT INTO duty_post(phone, length_minutes, on_days, off_days, anchor_day, place_id, role, person, start_minute)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """,
            [
              p.phone, Int64(p.lengthMinutes), Int64(p.onDays), Int64(p.offDays), p.anchorDay, p.placeID,
              p.role,
              p.person, Int64(p.startMinute),
            ])
          stored.id = try inserted[0].get(0)
          try book.postAdded(stored)
        }
      }
      return posts.count
    }
  }
}
