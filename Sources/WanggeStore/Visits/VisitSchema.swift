import WanggeCore

/// The visits migration's table, written once: SQLite's `v12-visits` and PostgreSQL's migration 14
/// differ only in the integer and text types (and PostgreSQL's policy and grants, added there).
public enum VisitSchema {
  /// Every visit attempt with its outcome and the needs noted (`visit` keeps the visits that count).
  public static func tables(int: String, text: String) -> String {
    """
    CREATE TABLE visit_note(
      event_id \(text) PRIMARY KEY, household_id \(int) NOT NULL, at \(int) NOT NULL,
      outcome \(text) NOT NULL, needs \(text) NOT NULL DEFAULT '[]');
    CREATE INDEX visit_note_by_household ON visit_note(household_id, at);
    """
  }

  /// The new data tables (for copies, change feeds and grants).
  public static let tableNames = ["visit_note"] + VolunteerSchema.tableNames

  /// The last attempt of each household in `households`: one indexed lookup per household (the help
  /// view's page), `?` placeholders. Columns: household_id, at, outcome, needs.
  public static func lastSQL(count: Int, placeholder: (Int) -> String) -> String {
    let list = (0..<count).map(placeholder).joined(separator: ", ")
    return """
      SELECT n.household_id, n.at, n.outcome, n.needs FROM visit_note n
      WHERE n.household_id IN (\(list)) AND n.event_id = (
        SELECT m.event_id FROM visit_note m WHERE m.household_id = n.household_id
        ORDER BY m.at DESC, m.event_id DESC LIMIT 1)
      """
  }

  /// A stored row as a note (an unknown outcome or needs text reads as seen / none).
  public static func note(at: Int64, outcome: String, needs: String) -> VisitNote {
    VisitNote(
      at: Instant(epochSeconds: at), outcome: VisitOutcome(rawValue: outcome) ?? .seen,
      needs: (try? VisitNeed.decode(needs)) ?? [])
  }
}
