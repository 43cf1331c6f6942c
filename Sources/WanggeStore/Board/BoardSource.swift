import WanggeCore

/// What the board reads besides the per-place figures: station panels, leaders, help cases,
/// households and the response-rate history. Every call costs O(rows shown or units in scope).
public protocol BoardSource: Store {
  /// The units under `station` (a compound), with leaders, coverage and the current task's assignment.
  func stationUnits(under station: Int64, at now: Instant, window: Span) throws -> [StationUnitRow]
  /// Help cases under `scope`, green channel first, then by most overdue visit; at most `limit` rows.
  func helpCases(under scope: Int64, filter: HelpFilter, limit: Int) throws -> HelpCasePage
  /// The action queue's help cases under `scope`: at most `green` green-channel cases, then at most
  /// `late` others whose visit was due before `now`, each part in due order (oldest due first, then by
  /// household); O(rows returned) along the due index, no total counted. The rows carry no last visit
  /// note (`lastNote` is nil: the queue shows none).
  func urgentHelp(under scope: Int64, at now: Instant, green: Int, late: Int) throws -> [HelpCaseRow]
  /// Unit leaders of the units under `scope` with their tallies over the window; empty when the
  /// scope has more than `limit` units (the page says so).
  func leaders(under scope: Int64, at now: Instant, window: Span, limit: Int) throws -> LeaderPage
  /// The households of one unit, by room.
  func households(ofUnit unit: Int64) throws -> [HouseholdRow]
  /// The response rate (on time ÷ assigned) as it stood at each of the last `hours` hour marks, oldest
  /// first: over the tasks issued within `window` before the mark whose acknowledge deadline had passed
  /// by it (at `now`, the overview row's figure less the tasks still inside their acknowledge window).
  func responseHistory(of place: Int64, at now: Instant, window: Span, hours: Int) throws -> [Double?]
}
