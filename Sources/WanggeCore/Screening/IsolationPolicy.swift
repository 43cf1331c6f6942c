import Foundation

/// How risky the place a person came back from is (中/高风险地区), which sets the isolation period.
public enum RiskLevel: String, Sendable, Hashable, CaseIterable, Codable {
  case high
  case medium
  case low

  /// Chinese name shown on screen.
  public var chineseName: String {
    switch self {
    case .high: "高风险"
    case .medium: "中风险"
    case .low: "低风险"
    }
  }
}

/// Where an isolation case stands (在管 / 解除 / 转运 / 失联); the raw value is what the store keeps.
public enum IsolationStatus: Int, Sendable, Hashable, CaseIterable {
  /// 在管 — isolated at home and checked on.
  case active = 0
  /// 解除 — released at the end of the period after a final check.
  case released = 1
  /// 转运 — taken away (hospital, central isolation).
  case transferred = 2
  /// 失联 — cannot be reached.
  case lost = 3

  /// Chinese name shown on screen.
  public var chineseName: String {
    switch self {
    case .active: "在管"
    case .released: "解除"
    case .transferred: "转运"
    case .lost: "失联"
    }
  }
  /// English name.
  public var englishName: String {
    switch self {
    case .active: "active"
    case .released: "released"
    case .transferred: "transferred"
    case .lost: "lost"
    }
  }
}

/// The home-isolation policy: days of isolation per risk level and checks per day (e.g. 14 days
/// after a high-risk area, 7 after a medium one, checked twice a day). Stored in `meta` as text.
public struct IsolationPolicy: Hashable, Sendable {
  /// Isolation days after a high-, medium- and low-risk area.
  public var high: Int
  public var medium: Int
  public var low: Int
  /// Checks a day (temperature, symptoms, door seal); the check interval is 24 h / this.
  public var checksPerDay: Int

  public init(high: Int = 14, medium: Int = 7, low: Int = 7, checksPerDay: Int = 2) {
    self.high = high
    self.medium = medium
    self.low = low
    self.checksPerDay = checksPerDay
  }

  /// The default: 14 / 7 / 7 days, twice a day.
  public static let standard = IsolationPolicy()
  /// Days allowed for a period, and checks a day.
  public static let dayRange = 1...60
  public static let checksRange = 1...24

  /// The isolation period for `risk`.
  public func days(_ risk: RiskLevel) -> Int {
    switch risk {
    case .high: high
    case .medium: medium
    case .low: low
    }
  }

  /// Seconds between two checks.
  public var checkInterval: Int64 { 86_400 / Int64(checksPerDay) }

  /// The stored form, e.g. `high=14,medium=7,low=7,checks=2`.
  public var text: String { "high=\(high),medium=\(medium),low=\(low),checks=\(checksPerDay)" }

  /// Parses ``text``; nil when it is not that form or a value is out of range.
  public init?(text: String) {
    var p = IsolationPolicy.standard
    for part in text.split(separator: ",") {
      let kv = part.split(separator: "=", maxSplits: 1)
      guard kv.count == 2, let n = Int(kv[1].trimmingCharacters(in: .whitespaces)) else { return nil }
      let key = kv[0].trimmingCharacters(in: .whitespaces)
      switch key {
      case "high", "medium", "low":
        guard Self.dayRange.contains(n) else { return nil }
        if key == "high" { p.high = n } else if key == "medium" { p.medium = n } else { p.low = n }
      case "checks":
        guard Self.checksRange.contains(n) else { return nil }
        p.checksPerDay = n
      default: return nil
      }
    }
    self = p
  }

  /// When a case started at `start` with `risk` ends.
  public func end(start: Instant, risk: RiskLevel) -> Instant {
    start + Span(seconds: Int64(days(risk)) * 86_400)
  }
}
