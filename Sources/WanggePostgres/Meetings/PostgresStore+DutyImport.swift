import WanggeCore
import WanggeStore

/// The duty roster's upsert by key on PostgreSQL (the roster's grants and scope policies apply).
extension PostgresStore: DutyRosterImport {
  public func upsertDutyPosts(_ posts: [DutyPost]) throws -> Int {
    for p in posts { if let problem = p.problem { throw MeetingInputError(problem) } }
    return try write { db in
      for p in posts {
        let args: [(any PGBindable)?] = [
          p.phone, Int64(p.lengthMinutes), Int64(p.onDays), Int64(p.offDays), p.anchorDay, p.placeID, p.role,
          p.person, Int64(p.startMinute),
        ]
        let updated = try db.exec(
          """
          UPDATE duty_post SET phone = $1, length_minutes = $2, on_days = $3, off_days = $4, anchor_day = $5
          WHERE place_id = $6 AND role = $7 AND person = $8 AND start_minute = $9 RETURNING id
          """, args)
        if updated.first == nil {
          try db.exec(
            """
            INSERT INTO duty_post(phone, length_minutes, on_days, off_days, anchor_day, place_id, role, person, start_minute)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, args)
        }
      }
      return posts.count
    }
  }
}
