import Foundation

/// Reads and writes instants as ISO 8601 text; Wangge shows times in China Standard Time (UTC+8).
public enum InstantFormat {
  /// The offset used when a time is written without one, and for display: +08:00.
  public static let displayOffsetSeconds: Int = 8 * 3600

  /// Parses `2026-11-22T08:00:00+08:00`, `2026-11-22T00:00:00Z`, `2026-11-22 08:00:00` (taken as +08:00)
  /// or `2026-11-22T08:00`. Returns nil when the text is not a real calendar instant in the years
  /// 2000–2100 (see `check` for the reason).
  public static func parse(_ text: String) -> Instant? {
    try? check(text).get()
  }

  /// The instant `text` names, or why it names none (`2026-02-31: February 2026 has 28 days`).
  public static func check(_ text: String) -> Result<Instant, InstantProblem> {
    var copy = text
    return copy.withUTF8 { check(utf8: $0) }
  }

  /// The same on UTF-8 bytes, nil on any problem (no Foundation, no allocation: ingest parses one per event).
  static func parse(utf8 all: UnsafeBufferPointer<UInt8>) -> Instant? {
    try? check(utf8: all).get()
  }

  /// Checks `all` without allocating; only a failure's message allocates when it is read.
  static func check(utf8 all: UnsafeBufferPointer<UInt8>) -> Result<Instant, InstantProblem> {
    var lo = 0
    var hi = all.count
    while lo < hi, all[lo] == 32 || all[lo] == 9 { lo += 1 }
    while hi > lo, all[hi - 1] == 32 || all[hi - 1] == 9 { hi -= 1 }
    let chars = UnsafeBufferPointer(rebasing: all[lo..<hi])
    if !chars.isEmpty,
      chars.allSatisfy({ (48...57).contains($0) })
        || (chars[0] == 45 && chars.count > 1 && chars.dropFirst().allSatisfy({ (48...57).contains($0) }))
    {
      return .failure(.bareNumber)
    }
    func num(_ from: Int, _ len: Int) -> Int? {
      guard from + len <= chars.count else { return nil }
      var v = 0
      for c in chars[from..<(from + len)] {
        guard c >= 48, c <= 57 else { return nil }
        v = v * 10 + Int(c - 48)
      }
      return v
    }
    guard chars.count >= 16, let y = num(0, 4), chars[4] == 45, let mo = num(5, 2), chars[7] == 45,
      let d = num(8, 2), chars[10] == 84 || chars[10] == 32, let h = num(11, 2), chars[13] == 58,
      let mi = num(14, 2)
    else { return .failure(.shape) }
    var i = 16
    var sec = 0
    if i < chars.count, chars[i] == 58 {
      guard let s2 = num(17, 2) else { return .failure(.shape) }
      sec = s2
      i = 19
    }
    var offset = displayOffsetSeconds
    if i < chars.count {
      if chars[i] == 90 || chars[i] == 122 {  // Z
        offset = 0
        i += 1
      } else if chars[i] == 43 || chars[i] == 45 {  // + -
        let sign = chars[i] == 43 ? 1 : -1
        guard let oh = num(i + 1, 2) else { return .failure(.shape) }
        var om = 0
        if i + 3 < chars.count, chars[i + 3] == 58 {
          guard let m = num(i + 4, 2) else { return .failure(.shape) }
          om = m
          i += 6
        } else if let m = num(i + 3, 2) {
          om = m
          i += 5
        } else {
          i += 3
        }
        guard om < 60, oh * 60 + om <= InputBounds.maxOffsetSeconds / 60 else {
          return .failure(.offset(hours: oh, minutes: om))
        }
        offset = sign * (oh * 3600 + om * 60)
      }
      guard i == chars.count else { return .failure(.shape) }
    }
    guard InputBounds.years.contains(y) else { return .failure(.year(y)) }
    guard (1...12).contains(mo) else { return .failure(.month(mo)) }
    let length = daysIn(month: mo, year: y)
    guard (1...length).contains(d) else { return .failure(.day(year: y, month: mo, day: d, length: length)) }
    guard h < 24, mi < 60, sec < 60 else { return .failure(.clock(hour: h, minute: mi, second: sec)) }
    let days = daysFromCivil(y, mo, d)
    let local = Int64(days) * 86_400 + Int64(h * 3600 + mi * 60 + sec)
    let instant = Instant(epochSeconds: local - Int64(offset))
    guard instant >= InputBounds.earliestInstant, instant <= InputBounds.latestInstant else {
      return .failure(.outOfRange)
    }
    return .success(instant)
  }

  /// Days in `month` (1–12) of `year` in the Gregorian calendar.
  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Formats as `2026-11-22T08:00:00+08:00`.
  public static func iso(_ instant: Instant) -> String {
    let (y, mo, d, h, mi, s) = civil(instant)
    return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+08:00", y, mo, d, h, mi, s)
  }

  /// Formats as `11-22 08:00` for tight screens and tables.
  public static func short(_ instant: Instant) -> String {
    let (_, mo, d, h, mi, _) = civil(instant)
    return String(format: "%02d-%02d %02d:%02d", mo, d, h, mi)
  }

  /// Formats as `2026-11-22 20:00` (date and minute in +08:00), for headers.
  public static func minute(_ instant: Instant) -> String {
    let (y, mo, d, h, mi, _) = civil(instant)
    return String(format: "%04d-%02d-%02d %02d:%02d", y, mo, d, h, mi)
  }

  /// Formats as `08:00:00` (time of day in +08:00).
  public static func clock(_ instant: Instant) -> String {
    let (_, _, _, h, mi, s) = civil(instant)
    return String(format: "%02d:%02d:%02d", h, mi, s)
  }

  static func civil(_ instant: Instant) -> (Int, Int, Int, Int, Int, Int) {
    let local = Saturating.add(instant.epochSeconds, Int64(displayOffsetSeconds))
    var days = local / 86_400
    var rem = local % 86_400
    if rem < 0 {
      rem += 86_400
      days -= 1
    }
    let (y, m, d) = civilFromDays(Int(days))
    return (y, m, d, Int(rem / 3600), Int(rem % 3600 / 60), Int(rem % 60))
  }

  // Howard Hinnant's days-from-civil algorithms (proleptic Gregorian calendar).
  static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp + (mp < 10 ? 3 : -9)
    return (m <= 2 ? y + 1 : y, m, d)
  }
}

/// Why a text is not an instant Wangge accepts; the description says what to write instead.
public enum InstantProblem: Error, Hashable, Sendable, CustomStringConvertible {
  /// Not `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`.
  case shape
  /// A bare number such as an epoch count.
  case bareNumber
  case year(Int)
  case month(Int)
  case day(year: Int, month: Int, day: Int, length: Int)
  case clock(hour: Int, minute: Int, second: Int)
  case offset(hours: Int, minutes: Int)
  /// Inside the years but outside the instants (an offset pushed it over the edge).
  case outOfRange

  public var description: String {
    let example = "use ISO 8601 such as 2026-11-22T09:30:00+08:00"
    switch self {
    case .shape: return "not a time; \(example)"
    case .bareNumber: return "a bare number is not a time; \(example)"
    case .year(let y):
      return
        "year \(y) is out of range (years \(InputBounds.years.lowerBound)–\(InputBounds.years.upperBound))"
    case .month(let m): return "month \(m) does not exist (01–12)"
    case .day(let y, let m, let d, let length):
      return "day \(d) does not exist: \(y)-\(m < 10 ? "0" : "")\(m) has \(length) days"
    case .clock(let h, let mi, let s):
      return "\(h):\(mi):\(s) is not a time of day (hours 00–23, minutes and seconds 00–59)"
    case .offset(let h, let m):
      return "offset \(h):\(m) is out of range (at most ±14:00, minutes 00–59)"
    case .outOfRange:
      return
        "out of range: an instant must lie from \(InstantFormat.iso(InputBounds.earliestInstant)) to \(InstantFormat.iso(InputBounds.latestInstant))"
    }
  }
}
