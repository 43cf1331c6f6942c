/// An ISO 8601 week such as `2026-W48` (Monday to Sunday, China time), for the weekly bulletin.
public struct IsoWeek: Hashable, Sendable, CustomStringConvertible {
  public var year: Int
  public var week: Int

  public init?(_ text: String) {
    let parts = text.split(separator: "-")
    guard parts.count == 2, parts[1].first == "W", let y = Int(parts[0]), let w = Int(parts[1].dropFirst()),
      (2000...2100).contains(y), (1...IsoWeek.weeks(in: y)).contains(w)
    else { return nil }
    year = y
    week = w
  }

  public init(year: Int, week: Int) {
    self.year = year
    self.week = week
  }

  public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

  /// Days from 1970-01-01 to `y-m-d` (proleptic Gregorian).
  static func days(_ y: Int, _ m: Int, _ d: Int) -> Int64 {
    let y2 = m <= 2 ? y - 1 : y
    let era = (y2 >= 0 ? y2 : y2 - 399) / 400
    let yoe = y2 - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Int64(era * 146_097 + doe - 719_468)
  }

  /// Monday of week 1 of `y`, as days since the epoch.
  static func firstMonday(_ y: Int) -> Int64 {
    let jan4 = days(y, 1, 4)
    let weekday = (jan4 + 3) % 7  // 0 = Monday
    return jan4 - weekday
  }

  static func weeks(in y: Int) -> Int { Int((firstMonday(y + 1) - firstMonday(y)) / 7) }

  /// Monday 00:00 China time.
  public var start: Instant {
    let day = IsoWeek.firstMonday(year) + Int64(week - 1) * 7
    return Instant(epochSeconds: day * 86_400 - Int64(InstantFormat.displayOffsetSeconds))
  }
  /// The next Monday 00:00 (exclusive end).
  public var end: Instant { start + Span.days(7) }
  /// The week before.
  public var previous: IsoWeek { IsoWeek.containing(start - Span(seconds: 1)) }

  /// The week `instant` falls in.
  public static func containing(_ instant: Instant) -> IsoWeek {
    let day = (instant.epochSeconds + Int64(InstantFormat.displayOffsetSeconds)) / 86_400
    var y = Int(1970 + day / 365) + 1
    while firstMonday(y) > day { y -= 1 }
    return IsoWeek(year: y, week: Int((day - firstMonday(y)) / 7) + 1)
  }
}
