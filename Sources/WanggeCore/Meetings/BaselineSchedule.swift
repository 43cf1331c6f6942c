/// The times of day automatic baselines are marked at (the morning and evening meetings; default
/// 08:00 and 18:00 China time), and which of them a clock passed between two instants.
public struct BaselineSchedule: Hashable, Sendable {
  /// Minutes after local midnight, ascending.
  public var minutes: [Int]
  /// The local offset from UTC (default +08:00).
  public var offsetSeconds: Int64
  public static let standard = BaselineSchedule(minutes: [8 * 60, 18 * 60])

  public init(minutes: [Int], offsetSeconds: Int64 = Int64(InstantFormat.displayOffsetSeconds)) {
    self.minutes = Array(Set(minutes.filter { (0..<1440).contains($0) })).sorted()
    self.offsetSeconds = offsetSeconds
  }

  /// Parses `08:00,18:00` (empty: no automatic marks); nil with the first bad entry named.
  public static func parse(_ text: String) -> Result<BaselineSchedule, ScheduleProblem> {
    var out: [Int] = []
    for part in text.split(separator: ",") {
      let p = String(part).trimmingSpaces
      let hm = p.split(separator: ":")
      guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m)
      else { return .failure(ScheduleProblem(entry: p)) }
      out.append(h * 60 + m)
    }
    return .success(BaselineSchedule(minutes: out))
  }

  /// The scheduled instants in `(after, upTo]`, oldest first (at most `limit`, the latest ones).
  public func due(after: Instant, upTo now: Instant, limit: Int = 4) -> [Instant] {
    guard now > after, !minutes.isEmpty else { return [] }
    let day: Int64 = 86_400
    func localDay(_ i: Instant) -> Int64 {
      let l = i.epochSeconds + offsetSeconds
      return l >= 0 ? l / day : (l - day + 1) / day
    }
    var out: [Instant] = []
    var d = max(localDay(after), localDay(now) - 2)
    while d <= localDay(now) {
      for m in minutes {
        let at = Instant(epochSeconds: d * day + Int64(m) * 60 - offsetSeconds)
        if at > after && at <= now { out.append(at) }
      }
      d += 1
    }
    return Array(out.suffix(limit))
  }

  /// The name an automatic mark at `at` gets: `auto 08:00`.
  public func name(at: Instant) -> String {
    let l = (at.epochSeconds + offsetSeconds) % 86_400
    let m = (l < 0 ? l + 86_400 : l) / 60
    let h = m / 60
    let mm = m % 60
    return "auto \(h < 10 ? "0" : "")\(h):\(mm < 10 ? "0" : "")\(mm)"
  }
}

/// An entry of a baseline schedule that is not a time of day.
public struct ScheduleProblem: Error, Equatable, CustomStringConvertible {
  public var entry: String
  public var description: String { "\"\(entry)\" is not a time of day like 08:00 (write 08:00,18:00)" }
}
