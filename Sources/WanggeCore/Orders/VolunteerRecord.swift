/// A volunteer or party member as the orders desk keeps them: 双报到 unit, team, posts claimed, report-in
/// and on-post status, beside the demo's `Volunteer` (id, name, phone, party member, place).
public struct VolunteerRecord: Hashable, Sendable, Codable {
  public var id: Int64
  public var name: String
  public var phone: String
  public var isPartyMember: Bool
  /// The community (or compound) they reported to.
  public var placeID: Int64
  /// The unit (机关单位) they came from under 双报到; empty when none.
  public var homeUnit: String
  /// Their team (党员先锋队, 青年先锋队, 服务队 …); empty when none.
  public var team: String
  /// Posts claimed (认领服务岗位), e.g. 人员排查, 配送物资.
  public var posts: [String]
  /// When they reported in (报到); nil when not yet.
  public var reportedAt: Instant?
  /// The last instant they went on post (上岗); on post today when it falls on today's local day.
  public var onPostAt: Instant?

  public init(
    id: Int64, name: String, phone: String, isPartyMember: Bool, placeID: Int64, homeUnit: String = "",
    team: String = "", posts: [String] = [], reportedAt: Instant? = nil, onPostAt: Instant? = nil
  ) {
    self.id = id
    self.name = name
    self.phone = phone
    self.isPartyMember = isPartyMember
    self.placeID = placeID
    self.homeUnit = homeUnit
    self.team = team
    self.posts = posts
    self.reportedAt = reportedAt
    self.onPostAt = onPostAt
  }

  /// On post on the local day of `now`.
  public func isOnPost(at now: Instant) -> Bool {
    onPostAt.map { CloseDurations.day($0) == CloseDurations.day(now) && $0 <= now } ?? false
  }

  /// The posts the demo and the ledger template offer.
  public static let knownPosts = ["人员排查", "宣传教育", "应急值守", "监测防控", "消毒杀菌", "配送物资"]
  /// The teams the demo offers.
  public static let knownTeams = ["党员先锋队", "青年先锋队", "服务队"]
}
