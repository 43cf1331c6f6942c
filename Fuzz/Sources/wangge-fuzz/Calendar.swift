/// Calendar facts the invariants check, written independently of the parsers under test.
enum CalendarCheck {
  /// 2000-01-01T00:00:00Z and 2101-01-01T00:00:00Z, widened by a day for offsets.
  static let earliest: Int64 = 946_684_800 - 86_400
  static let latest: Int64 = 4_133_980_800 + 86_400

  /// Whether an instant lies in the years 2000–2100 (give or take the day an offset may move it).
  static func inRange(_ epochSeconds: Int64) -> Bool { (earliest..<latest).contains(epochSeconds) }

  /// Days in month `m` of year `y` (Gregorian).
  static func daysIn(_ y: Int, _ m: Int) -> Int {
    switch m {
    case 2: (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The fields an ISO 8601 text spells out, when it has the `YYYY-MM-DD?HH:MM[:SS][offset]` shape.
  struct Fields {
    var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
    var offsetHours = 0, offsetMinutes = 0
  }

  /// Reads the written fields (no range checks: that is what the invariant compares).
  static func fields(_ text: String) -> Fields? {
    let b = Array(text.utf8.drop(while: { $0 == 32 || $0 == 9 }))
    func num(_ from: Int, _ len: Int) -> Int? {
      guard from + len <= b.count else { return nil }
      var v = 0
      for c in b[from..<(from + len)] {
        guard (48...57).contains(c) else { return nil }
        v = v * 10 + Int(c - 48)
      }
      return v
    }
    guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2)
    else { return nil }
    var f = Fields(year: y, month: mo, day: d, hour: h, minute: mi)
    var i = 16
    if i < b.count, b[i] == 58, let s = num(17, 2) {
      f.second = s
      i = 19
    }
    if i < b.count, b[i] == 43 || b[i] == 45, let oh = num(i + 1, 2) {
      f.offsetHours = oh
      f.offsetMinutes = num(i + 3, 2) ?? num(i + 4, 2) ?? 0
    }
    return f
  }

  /// Whether the written fields name a real calendar instant (no 02-31, 23:59:60 or +99:99).
  static func isReal(_ f: Fields) -> Bool {
    (2000...2100).contains(f.year) && (1...12).contains(f.month) && f.day >= 1
      && f.day <= daysIn(f.year, f.month) && f.hour < 24 && f.minute < 60 && f.second < 60
      && f.offsetHours <= 14 && f.offsetMinutes < 60
  }
}
