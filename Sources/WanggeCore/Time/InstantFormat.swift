import Foundation

/// Reads and writes instants as ISO 8601 text; Wangge shows times in China Standard Time (UTC+8).
public enum InstantFormat {
  /// The offset used when a time is written without one, and for display: +08:00.
  public static let displayOffsetSeconds: Int = 8 * 3600

  /// Parses `2026-11-22T08:00:00+08:00`, `2026-11-22T00:00:00Z`, `2026-11-22 08:00:00` (taken as +08:00),
  /// `2026-11-22T08:00` or a bare epoch-seconds number. Returns nil when the text is none of these.
  public static func parse(_ text: String) -> Instant? {
    var copy = text
    return copy.withUTF8 { parse(utf8: $0) }
  }

  /// The same on UTF-8 bytes (no Foundation, no allocation: ingest parses one per event).
  static func parse(utf8 all: UnsafeBufferPointer<UInt8>) -> Instant? {
    var lo = 0
    var hi = all.count
    while lo < hi, all[lo] == 32 || all[lo] == 9 { lo += 1 }
    while hi > lo, all[hi - 1] == 32 || all[hi - 1] == 9 { hi -= 1 }
    let chars = UnsafeBufferPointer(rebasing: all[lo..<hi])
    if !chars.isEmpty,
      chars.allSatisfy({ (48...57).contains($0) })
        || (chars[0] == 45 && chars.count > 1
          && chars.dropFirst().allSatisfy({ (48...57).contains($0) }))
    {
      return Int64(String(decoding: chars, as: UTF8.self)).map(Instant.init(epochSeconds:))
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
    else { return nil }
    var i = 16
    var sec = 0
    if i < chars.count, chars[i] == 58 {
      guard let s2 = num(17, 2) else { return nil }
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
        guard let oh = num(i + 1, 2) else { return nil }
        var om = 0
        if i + 3 < chars.count, chars[i + 3] == 58 {
          guard let m = num(i + 4, 2) else { return nil }
          om = m
          i += 6
        } else if let m = num(i + 3, 2) {
          om = m
          i += 5
        } else {
          i += 3
        }
        offset = sign * (oh * 3600 + om * 60)
      }
      guard i == chars.count else { return nil }
    }
    guard (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec < 61 else { return nil }
    let days = daysFromCivil(y, mo, d)
    let local = Int64(days) * 86_400 + Int64(h * 3600 + mi * 60 + sec)
    return Instant(epochSeconds: local - Int64(offset))
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
    let local = instant.epochSeconds + Int64(displayOffsetSeconds)
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
