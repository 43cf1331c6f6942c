import GRDB
import WanggeCore
import WanggeStore

extension SQLiteStore {
  /// Migration `v12-visits`: every visit attempt with its outcome and needs (``VisitSchema``).
  static let visitsV12 =
    VisitSchema.tables(int: "INTEGER", text: "TEXT")
    + VolunteerSchema.tables(int: "INTEGER", text: "TEXT") + "\nPRAGMA user_version = 12;\n"

  /// Records one visit attempt's outcome and needs (in the ingest's transaction).
  static func recordVisitNote(
    _ db: Database, household: Int64, at: Instant, outcome: VisitOutcome, needs: [VisitNeed], eventID: String
  ) throws {
    try db.cachedStatement(
      sql: "INSERT INTO visit_note(event_id, household_id, at, outcome, needs) VALUES (?, ?, ?, ?, ?)"
    ).execute(arguments: [eventID, household, at.epochSeconds, outcome.rawValue, VisitNeed.encode(needs)])
  }

  /// The last attempt of each of `households` (the help view's page).
  static func lastVisitNotes(_ db: Database, _ households: [Int64]) throws -> [Int64: VisitNote] {
    guard !households.isEmpty else { return [:] }
    var out: [Int64: VisitNote] = [:]
    // The list as one argument (see `IDList`): one placeholder that reads the whole set.
    let rows = try Row.fetchAll(
      db.cachedStatement(sql: VisitSchema.lastSQL(count: 1) { _ in IDList.select }),
      arguments: [IDList.json(households)])
    for row in rows {
      out[row[0]] = VisitSchema.note(at: row[1], outcome: row[2], needs: row[3])
    }
    return out
  }
}
