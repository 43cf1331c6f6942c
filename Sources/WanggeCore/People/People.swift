/// An employer of unit leaders (部门/单位); it is held responsible for its leaders.
public struct Department: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public init(id: Int64, name: String) {
    self.id = id
    self.name = name
  }
}

/// A squad (组) of one department's unit leaders, supervised by a squad leader (组长).
public struct Squad: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var departmentID: Int64
  public var name: String
  /// The squad leader's name.
  public var leaderName: String
  public init(id: Int64, departmentID: Int64, name: String, leaderName: String) {
    self.id = id
    self.departmentID = departmentID
    self.name = name
    self.leaderName = leaderName
  }
}

/// A public servant assigned to lead one or more units (单元长); often lives elsewhere (cross-area).
public struct UnitLeader: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  /// Personal data: show only through ``PhoneMask``.
  public var phone: String
  public var departmentID: Int64
  public var squadID: Int64?
  /// Where the leader lives, as free text; may be far from the units led.
  public var home: String
  public init(id: Int64, name: String, phone: String, departmentID: Int64, squadID: Int64?, home: String) {
    self.id = id
    self.name = name
    self.phone = phone
    self.departmentID = departmentID
    self.squadID = squadID
    self.home = home
  }
}

/// A volunteer or party member (志愿者/党员) who claims service orders and visits households.
public struct Volunteer: Hashable, Sendable, Identifiable {
  public var id: Int64
  public var name: String
  public var phone: String
  public var isPartyMember: Bool
  /// The place (usually a compound) the volunteer reported to.
  public var placeID: Int64
  public init(id: Int64, name: String, phone: String, isPartyMember: Bool, placeID: Int64) {
    self.id = id
    self.name = name
    self.phone = phone
    self.isPartyMember = isPartyMember
    self.placeID = placeID
  }
}

/// Masks phone numbers for display, never revealing more than a short part and never
/// changing the length: one output character per input character.
///
/// - 11 or more digits (a mobile number, a landline with its area code): the first 3 and the last 4
///   digits are shown, `13812345678` → `138****5678`;
/// - 7 to 10 digits (a local landline): the last 2, `8456123` → `*****23`;
/// - fewer than 7: nothing, all asterisks.
///
/// Separators (space, `-`, `+`, `(`, `)`, `.`) stay where they are; every other character is masked.
/// A `*` counts as a digit's position, so masking a masked phone (as PostgreSQL's `household_shown`
/// sends it to operators) changes nothing.
public enum PhoneMask {
  /// The masked form of `phone`.
  public static func mask(_ phone: String) -> String {
    let chars = Array(phone)
    let digits = chars.filter { $0.isASCIIDigit || $0 == "*" }.count
    let (head, tail) = digits >= 11 ? (3, 4) : digits >= 7 ? (0, 2) : (0, 0)
    var seen = 0
    return String(
      chars.map { c -> Character in
        guard c.isASCIIDigit || c == "*" else { return separators.contains(c) ? c : "*" }
        seen += 1
        if c == "*" { return c }
        return seen <= head || seen > digits - tail ? c : "*"
      })
  }

  private static let separators: Set<Character> = [" ", "-", "+", "(", ")", "."]
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
