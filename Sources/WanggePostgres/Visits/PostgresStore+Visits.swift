import WanggeCore
import WanggeStore

/// Migration 14 (`v14-visits`): every visit attempt with its outcome and needs (``VisitSchema``), with
/// the change-feed trigger, the household scope policy of migration 5 and its grants.
extension PostgresSchema {
  /// The tables migration 14 adds.
  static let visitTables = VisitSchema.tableNames

  static var visitsV14: String {
    let read = "\(unscoped) OR \(scopeHouseholds)"
    return VisitSchema.tables(int: "BIGINT", text: "TEXT COLLATE \"C\"") + """

      CREATE TRIGGER visit_note_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON visit_note
        FOR EACH STATEMENT EXECUTE FUNCTION wangge_notify_change();
      GRANT SELECT ON visit_note TO wangge_viewer;
      GRANT INSERT ON visit_note TO wangge_station;
      GRANT INSERT, UPDATE, DELETE ON visit_note TO wangge_commander;
      ALTER TABLE visit_note ENABLE ROW LEVEL SECURITY;
      CREATE POLICY scope_read ON visit_note FOR SELECT USING (\(read));
      CREATE POLICY scope_insert ON visit_note FOR INSERT WITH CHECK (\(read));
      CREATE POLICY scope_update ON visit_note FOR UPDATE USING (\(read)) WITH CHECK (\(read));
      CREATE POLICY scope_delete ON visit_note FOR DELETE USING (\(read));

      """ + volunteerLoadV14
  }
}

extension PostgresStore {
  /// Records one visit attempt's outcome and needs (in the ingest's transaction).
  static func recordVisitNote(
    _ db: PGConnection, household: Int64, at: Instant, outcome: VisitOutcome, needs: [VisitNeed],
    eventID: String
  ) throws {
    try db.exec(
      "INSERT INTO visit_note(event_id, household_id, at, outcome, needs) VALUES ($1, $2, $3, $4, $5)",
      [eventID, household, at.epochSeconds, outcome.rawValue, VisitNeed.encode(needs)])
  }

  /// The last attempt of each of `households` (the help view's page).
  static func lastVisitNotes(_ db: PGConnection, _ households: [Int64]) throws -> [Int64: VisitNote] {
    guard !households.isEmpty else { return [:] }
    var out: [Int64: VisitNote] = [:]
    let rows = try db.exec(
      VisitSchema.lastSQL(count: households.count) { "$\($0 + 1)" },
      households.map { $0 as (any PGBindable)? })
    for row in rows {
      out[try row.get(0, as: Int64.self)] = VisitSchema.note(
        at: try row.get(1), outcome: try row.get(2), needs: try row.get(3))
    }
    return out
  }
}
