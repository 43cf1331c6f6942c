/// A post of a station's duty roster (值班): who holds it, the daily shift, and the rest rotation
/// (轮休: `onDays` on, then `offDays` off, counted from `anchorDay`).
public struct DutyPost: Hashable, Sendable, Codable {
  public var id: Int64
  public var placeID: Int64
  /// 指挥长, 副指挥长, 第一书记, 第二书记, 小区副指挥长, 楼长, 卡口, or a working group such as 静态管理.
  public var role: String
  public var person: String
  /// Personal data: mask on screen.
  public var phone: String
  /// Shift start, minutes after local midnight (China time), and its length.
  public var startMinute: Int
  public var lengthMinutes: Int
  public var onDays: Int
  public var offDays: Int
  /// The local day number (days since 1970-01-01, China time) the rotation starts on.
  public var anchorDay: Int64

  public init(
    id: Int64 = 0, placeID: Int64, role: String, person: String, phone: String = "", startMinute: Int,
    lengthMinutes: Int, onDays: Int = 1, offDays: Int = 0, anchorDay: Int64 = 0
  ) {
    self.id = id
    self.placeID = placeID
    self.role = role
    self.person = person
    self.phone = phone
    self.startMinute = startMinute
    self.lengthMinutes = lengthMinutes
    self.onDays = onDays
    self.offDays = offDays
    self.anchorDay = anchorDay
  }

  /// The roles the articles name (any other text is accepted as a post too).
  public static let knownRoles = [
    "指挥长", "副指挥长", "第一书记", "第二书记", "小区副指挥长", "楼长", "卡口", "静态管理", "检测消杀", "民生保障", "综合服务",
  ]

  /// How long after a shift's start a post without a sign-in counts as empty (空岗).
  public static let grace = Span(seconds: 600)

  /// The start of the shift covering `now`, if the post is on duty then (a shift may cross midnight).
  public func shiftStart(covering now: Instant) -> Instant? {
    let off = Int64(InstantFormat.displayOffsetSeconds)
    let localDay = (now.epochSeconds + off) / 86_400
    for day in [localDay, localDay - 1] {
      let start = Instant(epochSeconds: day * 86_400 + Int64(startMinute) * 60 - off)
      guard now >= start, now < start + Span(seconds: Int64(lengthMinutes) * 60) else { continue }
      let cycle = Int64(max(1, onDays + offDays))
      let pos = ((day - anchorDay) % cycle + cycle) % cycle
      if pos < Int64(max(1, onDays)) { return start }
    }
    return nil
  }

  /// The problem with the post's values, naming the option; nil when fine.
  public var problem: String? {
    if role.trimmingSpaces.isEmpty || role.count > 20 {
      return "--role: a post name of 1–20 characters, e.g. 第一书记"
    }
    if person.trimmingSpaces.isEmpty || person.count > 40 {
      return "--person: who holds the post, 1–40 characters"
    }
    if !(0..<1440).contains(startMinute) { return "--start: a time of day like 08:00" }
    if !(1...1440).contains(lengthMinutes) { return "--hours: a shift of 1 minute to 24 hours" }
    if !(1...30).contains(onDays) || !(0...30).contains(offDays) {
      return "--rotation: N/M days on/off, e.g. 2/1"
    }
    return nil
  }
}

/// Where a post stands at an instant: off shift, on shift and signed in, or on shift without one.
public enum DutyState: String, Sendable, Codable {
  case offShift = "off_shift"
  case onPost = "on_post"
  /// Within the grace after the shift start, not yet signed in.
  case awaited
  /// Past the grace without a sign-in: 空岗.
  case empty
}
