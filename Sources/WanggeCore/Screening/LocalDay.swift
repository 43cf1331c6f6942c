/// A calendar day in the display time zone (UTC+8, ``InstantFormat/displayOffsetSeconds``), kept as
/// days since 1970-01-01 there: "today's checks" and "released today" are counted per such day.
public struct LocalDay: Hashable, Comparable, Sendable {
  public var number: Int64
  public init(number: Int64) { self.number = number }

  /// The day `instant` falls on.
  public init(_ instant: Instant) {
    let t = instant.epochSeconds + Int64(InstantFormat.displayOffsetSeconds)
    number = t >= 0 ? t / 86_400 : (t - 86_399) / 86_400
  }

  /// The day's first second.
  public var start: Instant {
    Instant(epochSeconds: number * 86_400 - Int64(InstantFormat.displayOffsetSeconds))
  }
  /// The next day's first second.
  public var end: Instant {
    Instant(epochSeconds: (number + 1) * 86_400 - Int64(InstantFormat.displayOffsetSeconds))
  }

  public static func < (a: LocalDay, b: LocalDay) -> Bool { a.number < b.number }

  /// `2026-01-07`.
  public var iso: String {
    let (y, m, d) = Self.civil(number)
    func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(y)-\(two(m))-\(two(d))"
  }

  /// Parses `YYYY-MM-DD`; nil when it is not a real date of years 2000–2099.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int64(parts[0]), let m = Int64(parts[1]), let d = Int64(parts[2]),
      (2000...2099).contains(y), (1...12).contains(m), (1...31).contains(d)
    else { return nil }
    let n = Self.days(y, m, d)
    guard Self.civil(n) == (y, m, d) else { return nil }
    number = n
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
  static func days(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civil(_ z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
  }
}
