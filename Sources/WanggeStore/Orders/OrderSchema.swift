/// The orders migration's tables, written once: SQLite's `v9-orders` and PostgreSQL's migration 11
/// differ only in the integer and text types (and PostgreSQL's policies and functions, added there).
public enum OrderSchema {
  /// The new tables (orders, green channels, their events and rollups, volunteer profiles).
  public static func tables(int: String, text: String) -> String {
    """
    CREATE TABLE service_order(
      id \(text) PRIMARY KEY, household_id \(int) NOT NULL, unit_id \(int) NOT NULL, kind \(text) NOT NULL,
      items \(text) NOT NULL, opened_by \(text) NOT NULL, opened_at \(int) NOT NULL, claim_by \(int) NOT NULL,
      close_by \(int) NOT NULL, state \(text) NOT NULL, claimed_by \(text), claimed_at \(int),
      closed_at \(int), outcome \(text), note \(text) NOT NULL DEFAULT '');
    CREATE INDEX service_order_by_unit ON service_order(unit_id, state);
    CREATE INDEX service_order_by_holder ON service_order(claimed_by, state);
    CREATE TABLE green_channel(
      id \(text) PRIMARY KEY, household_id \(int) NOT NULL, unit_id \(int) NOT NULL, kind \(text) NOT NULL,
      raised_by \(text) NOT NULL, opened_at \(int) NOT NULL, respond_by \(int) NOT NULL, state \(text) NOT NULL,
      taken_by \(text), taken_at \(int), resolved_at \(int), outcome \(text) NOT NULL DEFAULT '');
    CREATE INDEX green_channel_by_unit ON green_channel(unit_id, state);
    CREATE INDEX green_channel_by_household ON green_channel(household_id, state);
    -- Every order and green-channel step, by id (a repeat with the same content changes nothing).
    CREATE TABLE order_event(
      id \(text) PRIMARY KEY, item_id \(text) NOT NULL, type \(text) NOT NULL, at \(int) NOT NULL,
      recorded_at \(int) NOT NULL, source \(text) NOT NULL, place_id \(int), content \(text) NOT NULL);
    -- Rollups, per place (the unit and every ancestor), changed in the same transaction.
    CREATE TABLE order_stats(
      place_id \(int) PRIMARY KEY, unclaimed \(int) NOT NULL, claimed \(int) NOT NULL,
      green_open \(int) NOT NULL, green_taken \(int) NOT NULL);
    -- The active deadline of each open order ('o') and untaken green channel ('g'), per place.
    CREATE TABLE order_due(
      place_id \(int) NOT NULL, item_id \(text) NOT NULL, kind \(text) NOT NULL, opened_at \(int) NOT NULL,
      due_at \(int) NOT NULL, PRIMARY KEY(place_id, item_id));
    CREATE INDEX order_due_by_time ON order_due(place_id, kind, due_at);
    CREATE INDEX order_due_by_opening ON order_due(place_id, kind, opened_at);
    -- How many of those fall due in each hour (rows may hold 0): overdue is O(hours), not O(orders).
    CREATE TABLE order_due_hour(
      place_id \(int) NOT NULL, kind \(text) NOT NULL, hour \(int) NOT NULL, count \(int) NOT NULL,
      PRIMARY KEY(place_id, kind, hour));
    -- Closes per place, local day and duration bucket (CloseDurations): closed today and the median.
    CREATE TABLE order_closed(
      place_id \(int) NOT NULL, day \(int) NOT NULL, bucket \(int) NOT NULL, count \(int) NOT NULL,
      PRIMARY KEY(place_id, day, bucket));
    -- What the orders desk keeps of a volunteer beside the v1 row (a table of its own, so that the v1
    -- tables keep their columns: a copy streams them before the later migrations run).
    CREATE TABLE volunteer_profile(
      volunteer_id \(int) PRIMARY KEY, home_unit \(text) NOT NULL DEFAULT '', team \(text) NOT NULL DEFAULT '',
      posts \(text) NOT NULL DEFAULT '', reported_at \(int), on_post_at \(int));
    CREATE INDEX volunteer_by_place ON volunteer(place_id);
    """
  }

  /// The new data tables (for copies, change feeds and grants).
  public static let tableNames = [
    "service_order", "green_channel", "order_event", "order_stats", "order_due", "order_due_hour",
    "order_closed", "volunteer_profile",
  ]
}
