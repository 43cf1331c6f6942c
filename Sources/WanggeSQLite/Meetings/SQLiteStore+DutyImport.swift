import GRDB
import WanggeCore
import WanggeStore

/// The duty roster's upsert by key on SQLite.
extension SQLiteStore: DutyRosterImport {
  public func upsertDutyPosts(_ posts: [DutyPost]) throws -> Int {
    for p in posts { if let problem = p.problem { throw MeetingInputError(problem) } }
    return try write { db in
      for p in posts {
        let args: StatementArguments = [
          p.phone, p.lengthMinutes, p.onDays, p.offDays, p.anchorDay, p.placeID, p.role, p.person,
          p.startMinute,
        ]
        try db.execute(
          sql: """
            UPDATE duty_post SET phone = ?, length_minutes = ?, on_days = ?, off_days = ?, anchor_day = ?
            WHERE place_id = ? AND role = ? AND person = ? AND start_minute = ?
            """, arguments: args)
        if db.changesCount == 0 {
          try db.execute(
            sql: """
              INSERT INTO duty_post(phone, length_minutes, on_days, off_days, anchor_day, place_id, role, person, start_minute)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """, arguments: args)
        }
      }
      return posts.count
    }
  }
}
