/// The report system's tables, written once for both engines: `int` is the integer column type
/// (INTEGER in SQLite, BIGINT in PostgreSQL) and `text` the text type (`TEXT COLLATE "C"` there).
/// Rollups: `report_tally` (per station and commander), `report_missed_due` (incidents learnt another
/// way, due to become 漏报), `spotcheck_tally` (per station); `verify` recounts them. `report_sequence`
/// hands out report, round and group ids (never reused; a scoped PostgreSQL role cannot see every row,
/// so `max(id) + 1` would not do).
public enum ReportSchema {
  /// Every table, in creation order.
  public static let tables = [
    "report", "report_event", "report_tally", "report_missed_due", "station_commander", "spotcheck_round",
    "spotcheck_call", "spotcheck_tally", "supervision_group", "supervisor", "supervision_target",
    "supervision_contact", "report_sequence",
  ]

  public static func sql(int: String, text: String) -> String {
    """
    CREATE TABLE report(
      id \(int) PRIMARY KEY, event_id \(text) NOT NULL, kind \(text) NOT NULL, severity INTEGER NOT NULL,
      source \(text) NOT NULL, place_id \(int) NOT NULL, household_id \(int), station_id \(int),
      commander \(text) NOT NULL DEFAULT '', from_id \(int) NOT NULL, text \(text) NOT NULL,
      happened_at \(int) NOT NULL, filed_at \(int) NOT NULL, filed_by \(text) NOT NULL,
      phase \(text) NOT NULL, holder_id \(int) NOT NULL, ack_due \(int), last_at \(int) NOT NULL,
      late INTEGER NOT NULL DEFAULT 0, ack_late INTEGER NOT NULL DEFAULT 0, covered_by \(int),
      concealed INTEGER NOT NULL DEFAULT 0, evidence \(text) NOT NULL DEFAULT '');
    CREATE INDEX report_by_filed ON report(filed_at);
    CREATE INDEX report_by_happened ON report(happened_at);
    CREATE INDEX report_by_ack_due ON report(ack_due);
    CREATE TABLE report_event(
      id \(text) PRIMARY KEY, report_id \(int) NOT NULL, step \(text) NOT NULL, at \(int) NOT NULL,
      operator \(text) NOT NULL, level_id \(int) NOT NULL, place_id \(int) NOT NULL,
      note \(text) NOT NULL DEFAULT '', late INTEGER NOT NULL DEFAULT 0, digest \(text) NOT NULL);
    CREATE INDEX report_event_by_report ON report_event(report_id, at);
    CREATE TABLE report_tally(
      station_id \(int) NOT NULL, commander \(text) NOT NULL, filed \(int) NOT NULL, late \(int) NOT NULL,
      acked \(int) NOT NULL, ack_late \(int) NOT NULL, external \(int) NOT NULL, linked \(int) NOT NULL,
      concealed \(int) NOT NULL, PRIMARY KEY(station_id, commander));
    CREATE TABLE report_missed_due(
      report_id \(int) PRIMARY KEY, station_id \(int) NOT NULL, due_at \(int) NOT NULL);
    CREATE INDEX report_missed_by_station ON report_missed_due(station_id, due_at);
    CREATE TABLE station_commander(
      station_id \(int) PRIMARY KEY, name \(text) NOT NULL, since \(int) NOT NULL);
    CREATE TABLE spotcheck_round(
      id \(int) PRIMARY KEY, scope_id \(int) NOT NULL, seed \(text) NOT NULL, size INTEGER NOT NULL,
      drawn_at \(int) NOT NULL, operator \(text) NOT NULL);
    CREATE TABLE spotcheck_call(
      round_id \(int) NOT NULL, position INTEGER NOT NULL, household_id \(int) NOT NULL, station_id \(int),
      reasons \(text) NOT NULL, outcome \(text), knows_leader INTEGER, got_notice INTEGER,
      service_done INTEGER, problems \(text) NOT NULL DEFAULT '', called_at \(int), operator \(text),
      report_id \(int), PRIMARY KEY(round_id, household_id));
    CREATE INDEX spotcheck_call_by_time ON spotcheck_call(called_at);
    CREATE TABLE spotcheck_tally(
      station_id \(int) PRIMARY KEY, calls \(int) NOT NULL, answered \(int) NOT NULL,
      unreachable \(int) NOT NULL, asked \(int) NOT NULL, yes \(int) NOT NULL);
    CREATE TABLE supervision_group(
      id \(int) PRIMARY KEY, name \(text) NOT NULL, cadence \(int) NOT NULL, created_at \(int) NOT NULL);
    CREATE TABLE supervisor(group_id \(int) NOT NULL, name \(text) NOT NULL, PRIMARY KEY(group_id, name));
    CREATE TABLE supervision_target(
      group_id \(int) NOT NULL, place_id \(int) NOT NULL, last_contact \(int), due_at \(int) NOT NULL,
      PRIMARY KEY(group_id, place_id));
    CREATE TABLE supervision_contact(
      id \(text) PRIMARY KEY, group_id \(int) NOT NULL, place_id \(int) NOT NULL, at \(int) NOT NULL,
      operator \(text) NOT NULL, note \(text) NOT NULL DEFAULT '');
    CREATE TABLE report_sequence(name \(text) PRIMARY KEY, last \(int) NOT NULL);

    """
  }
}
