/// Every bound on a value that enters Wangge from outside (options, form fields, event lines), in one
/// place. Each check returns a message that names the bound, so a person knows what is allowed.
public enum InputBounds {
  /// The earliest instant accepted: 2000-01-01T00:00:00+08:00.
  public static let earliestInstant = Instant(epochSeconds: 946_656_000)
  /// The latest instant accepted: 2100-12-31T23:59:59+08:00.
  public static let latestInstant = Instant(epochSeconds: 4_133_951_999)
  /// The years an instant may be written in.
  public static let years = 2000...2100
  /// The largest UTC offset an instant may be written with: ±14:00.
  public static let maxOffsetSeconds = 14 * 3600

  /// The longest acknowledge or finish window of a task: 30 days.
  public static let maxTaskWindow = Span.days(30)
  /// The most days a report, task list or ranking may look back: 366.
  public static let maxDays = 366

  /// The longest event id, in UTF-8 bytes.
  public static let maxIDBytes = 128
  /// The largest `result` of a finish, in UTF-8 bytes of compact JSON: 16 KiB.
  public static let maxResultBytes = 16 * 1024
  /// The most keys (at every depth) in a `result`.
  public static let maxResultKeys = 200
  /// The longest event line, in bytes: 64 KiB.
  public static let maxLineBytes = 64 * 1024
  /// The largest row id (task, unit, household) an event may name: 2^53 − 1, so that every JSON reader
  /// reads it exactly.
  public static let maxRowID: Int64 = 9_007_199_254_740_991

  // The largest screen or snapshot frame is `Size.largestFrame` in TerminalUI (1000×500 cells).

  /// The most events in one ingest transaction.
  public static let maxBatch = 100_000
  /// The most events per second a simulator sends.
  public static let maxRate = 100_000.0
  /// The longest a simulator runs with `--duration`, in seconds: 30 days.
  public static let maxRunSeconds = 30.0 * 86_400
  /// The most repetitions a benchmark option may ask for.
  public static let maxRepetitions = 1_000_000
  /// The most events a benchmark may generate.
  public static let maxBenchEvents = 10_000_000

  /// Nil when `window` is more than 0 and at most `maxTaskWindow`, else the problem, e.g.
  /// `at most 30 days`.
  public static func windowProblem(_ window: Span) -> String? {
    if window.seconds <= 0 { return "must be more than 0 (at most \(days(maxTaskWindow)))" }
    if window > maxTaskWindow { return "at most \(days(maxTaskWindow)), got \(window)" }
    return nil
  }

  /// Nil when `n` lies in `range`, else the problem, e.g. `must be from 1 to 366, got 0`.
  public static func rangeProblem<T: Comparable & CustomStringConvertible>(
    _ n: T, _ range: ClosedRange<T>
  ) -> String? {
    range.contains(n) ? nil : "must be from \(range.lowerBound) to \(range.upperBound), got \(n)"
  }

  /// Nil when `instant` lies between `earliestInstant` and `latestInstant`.
  public static func instantProblem(_ instant: Instant) -> String? {
    guard instant < earliestInstant || instant > latestInstant else { return nil }
    return InstantProblem.outOfRange.description
  }

  /// A problem with an event or command id: empty, too long, or holding a control character or
  /// U+FFFD (the mark of bytes that were not UTF-8).
  public static func idProblem(_ id: String) -> String? {
    if id.isEmpty { return "must not be empty (at most \(maxIDBytes) bytes)" }
    if id.utf8.count > maxIDBytes { return "at most \(maxIDBytes) bytes of UTF-8, got \(id.utf8.count)" }
    for u in id.unicodeScalars {
      if u.value < 0x20 || u.value == 0x7F || (0x80...0x9F).contains(u.value) {
        return "must not hold control characters (U+\(hex(u.value)))"
      }
      if u.value == 0xFFFD { return "must be valid UTF-8 (U+FFFD marks bytes that were not)" }
    }
    return nil
  }

  /// Nil when a finish's `result` (JSON text) is within `maxResultBytes` and `maxResultKeys`.
  public static func resultProblem(_ json: String) -> String? {
    let bytes = json.utf8.count
    if bytes > maxResultBytes { return "at most \(maxResultBytes) bytes of JSON, got \(bytes)" }
    let keys = keyCount(json: json)
    if keys > maxResultKeys { return "at most \(maxResultKeys) keys, got \(keys)" }
    return nil
  }

  /// Object keys at every depth of JSON text: strings followed (after blanks) by `:`.
  static func keyCount(json text: String) -> Int {
    var keys = 0
    var inString = false
    var escaped = false
    var justClosed = false
    for c in text.utf8 {
      if inString {
        if escaped {
          escaped = false
        } else if c == 92 {
          escaped = true
        } else if c == 34 {
          inString = false
          justClosed = true
        }
        continue
      }
      switch c {
      case 32, 9, 10, 13: continue
      case 34: inString = true
      case 58 where justClosed: keys += 1
      default: break
      }
      justClosed = false
    }
    return keys
  }

  static func days(_ span: Span) -> String { "\(span.seconds / 86_400) days" }

  static func hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
  }
}
