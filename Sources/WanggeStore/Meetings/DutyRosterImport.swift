import WanggeCore

/// The duty roster fed by a ledger (`wangge import` of a 值班表): posts upserted by their key.
public protocol DutyRosterImport: Sendable {
  /// Writes `posts` in one transaction: a post with the same station, post, person and shift start
  /// is updated (phone, length, rotation), any other is added. Returns how many were written; a post
  /// with a bad value throws ``MeetingInputError`` and nothing is written.
  func upsertDutyPosts(_ posts: [DutyPost]) throws -> Int
}

extension DutyPost {
  /// The roster key of a ledger row: station, post, person and shift start.
  public var rosterKey: String { "\(placeID)|\(role)|\(person)|\(startMinute)" }
}
