/// The time limits of the report system per severity: how long after an incident the station may
/// take to file it (more is 迟报; an incident known another way with no station report by then is
/// 漏报), and how long the level above has to acknowledge a report handed to it (more escalates).
///
/// Defaults (documented in README → Reports): severity 1 file 30m / ack 30m; 2 file 1h / ack 1h;
/// 3 file 2h / ack 2h; 4 file 24h / ack 4h.
public struct ReportRules: Sendable, Hashable, Codable {
  /// Per severity (1…4): the allowed delay from happening to filing.
  public var fileWithin: [Int: Span]
  /// Per severity (1…4): the window of the level above to acknowledge.
  public var ackWithin: [Int: Span]

  public init(fileWithin: [Int: Span], ackWithin: [Int: Span]) {
    self.fileWithin = fileWithin
    self.ackWithin = ackWithin
  }

  /// The documented defaults.
  public static let standard = ReportRules(
    fileWithin: [1: .minutes(30), 2: .hours(1), 3: .hours(2), 4: .hours(24)],
    ackWithin: [1: .minutes(30), 2: .hours(1), 3: .hours(2), 4: .hours(4)])

  /// The allowed filing delay for `severity` (the default's when the config leaves it out).
  public func fileDelay(_ severity: IncidentSeverity) -> Span {
    fileWithin[severity.rawValue] ?? Self.standard.fileWithin[severity.rawValue]!
  }

  /// The acknowledgement window for `severity`.
  public func ackWindow(_ severity: IncidentSeverity) -> Span {
    ackWithin[severity.rawValue] ?? Self.standard.ackWithin[severity.rawValue]!
  }

  /// A report filed at `filed` about something that happened at `happened` is late (迟报) when
  /// more than the allowed delay passed: exactly the delay is on time, one second more is late.
  public func isLate(happened: Instant, filed: Instant, severity: IncidentSeverity) -> Bool {
    filed.since(happened) > fileDelay(severity)
  }

  /// When an incident learnt another way becomes 漏报 if the station has not reported it.
  public func missedAt(happened: Instant, severity: IncidentSeverity) -> Instant {
    happened + fileDelay(severity)
  }

  /// The first value out of bounds, as `field: problem`.
  public var boundProblem: String? {
    for (k, v) in fileWithin.sorted(by: { $0.key < $1.key }) {
      if IncidentSeverity(rawValue: k) == nil { return "file_within: severity \(k) is not 1–4" }
      if let p = InputBounds.windowProblem(v) { return "file_within[\(k)]: \(p)" }
    }
    for (k, v) in ackWithin.sorted(by: { $0.key < $1.key }) {
      if IncidentSeverity(rawValue: k) == nil { return "ack_within: severity \(k) is not 1–4" }
      if let p = InputBounds.windowProblem(v) { return "ack_within[\(k)]: \(p)" }
    }
    return nil
  }
}
