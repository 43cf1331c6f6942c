import WanggeCore

/// The volunteer rollups (in the visits migration, SQLite `v12-visits`, PostgreSQL 14): orders in hand
/// per holder, and per place (the volunteer's place and every ancestor) how many volunteers the desk
/// keeps, how many reported in, and how many went on post on each local day. Changed in the same
/// transaction as the claim, release, close or volunteer save; `verify` recounts them.
public enum VolunteerSchema {
  public static func tables(int: String, text: String) -> String {
    """
    CREATE TABLE volunteer_load(holder \(text) PRIMARY KEY, in_hand \(int) NOT NULL);
    CREATE TABLE volunteer_stats(
      place_id \(int) PRIMARY KEY, volunteers \(int) NOT NULL, reported \(int) NOT NULL);
    CREATE TABLE volunteer_on_post(
      place_id \(int) NOT NULL, day \(int) NOT NULL, count \(int) NOT NULL, PRIMARY KEY(place_id, day));

    """
  }

  public static let tableNames = ["volunteer_load", "volunteer_stats", "volunteer_on_post"]
}

/// A place's volunteer figures from the rollups (the 志愿者 view's title).
public struct VolunteerFigures: Sendable, Hashable {
  /// Volunteers the desk keeps under the place (saved with a profile).
  public var volunteers = 0
  /// Of those, reported in (报到).
  public var reported = 0
  /// Of those, on post on the instant's local day.
  public var onPostToday = 0
  /// Orders claimed and not closed, of households under the place.
  public var inHand = 0
  public init() {}
}

/// Rollup changes for volunteers: plain statements on SQLite, SECURITY DEFINER functions on PostgreSQL.
struct VolunteerRollups {
  let sql: any OrderSQL

  /// Adds `d` to the orders `holder` has in hand.
  func addLoad(_ holder: String, _ d: Int64) throws {
    if sql.isPostgres {
      try sql.run("SELECT wangge_volunteer_load(?, ?)", [.text(holder), .int(d)])
      return
    }
    try sql.run(
      """
      INSERT INTO volunteer_load(holder, in_hand) VALUES (?, ?)
      ON CONFLICT(holder) DO UPDATE SET in_hand = in_hand + excluded.in_hand
      """, [.text(holder), .int(d)])
  }

  /// Adds one volunteer's contribution (`d` = 1 or -1) to every place in `places`.
  func addVolunteer(_ places: [Int64], reported: Bool, onPostDay: Int64?, _ d: Int64) throws {
    if sql.isPostgres {
      try sql.run(
        "SELECT wangge_volunteer_stats(?::bigint[], ?, ?, ?::bigint)",
        [.list(places), .int(d), .int(reported ? d : 0), .opt(onPostDay)])
      return
    }
    for p in places {
      try sql.run(
        """
        INSERT INTO volunteer_stats(place_id, volunteers, reported) VALUES (?, ?, ?)
        ON CONFLICT(place_id) DO UPDATE SET volunteers = volunteers + excluded.volunteers,
          reported = reported + excluded.reported
        """, [.int(p), .int(d), .int(reported ? d : 0)])
      if let day = onPostDay {
        try sql.run(
          """
          INSERT INTO volunteer_on_post(place_id, day, count) VALUES (?, ?, ?)
          ON CONFLICT(place_id, day) DO UPDATE SET count = count + excluded.count
          """, [.int(p), .int(day), .int(d)])
      }
    }
  }
}
