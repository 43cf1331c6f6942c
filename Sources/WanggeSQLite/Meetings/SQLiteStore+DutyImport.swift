import GRDB
import WanggeCore
import WanggeStore

/// The duty roster's upsert by key on SQLite.
extension SQLiteStore: DutyRosterImport {
  public func upsertDutyPosts(_ posts: [DutyPost]) throws -> Int {
    for p in posts { if let problem = p.problem { throw MeetingInputError(problem) } }
    return try write { db in
      let book = DutyRollupBook(sql: SQLiteOrderSQL(db: db))
      for p in posts {
        let args: StatementArguments = [
          p.phone, p.lengthMinutes, p.onDays, p.offDays, p.anchorDay, p.placeID, p.role, p.person,
          p.startMinute,
        ]
        var stored = p
        if let old = try book.post(withKeyOf: p) {
          stored.id = old.id
          try db.execute(
            sql:
              "UPDATE duty_post SET phone = ?, length_minutes = ?, on_days = ?, off_days = ?, anchor_day = ? WHERE id = ?",
            arguments: [p.phone, p.lengthMinutes, p.onDays, p.offDays, p.anchorDay, old.id])
          try book.postChanged(from: old, to: stored)
        } else {
          try db.execute(
            sql: """
              INSERT INTO duty_post(phone, length_minutes, on_days, off_days, anchor_day, place_id, role, person, start_minute)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """, arguments: args)
          stored.id = db.lastInsertedRowID
          try book.postAdded(stored)
        }
      }
      return posts.count
    }
  }
}
