/// What an incident report (请示报告) is about.
public enum IncidentKind: String, Sendable, CaseIterable, Codable {
  case suspectedCase = "疑似病例"
  case closeContact = "密接"
  case cluster = "聚集"
  case emergency = "突发事件"
  case supplyShortage = "物资短缺"
  case residentRequest = "群众诉求"
  case other = "其他"

  /// The ASCII code accepted on the command line and written in JSON beside the Chinese name.
  public var code: String {
    switch self {
    case .suspectedCase: "suspected"
    case .closeContact: "contact"
    case .cluster: "cluster"
    case .emergency: "emergency"
    case .supplyShortage: "shortage"
    case .residentRequest: "request"
    case .other: "other"
    }
  }

  /// Reads the Chinese name or the ASCII code.
  public init?(text: String) {
    guard let k = Self.allCases.first(where: { $0.rawValue == text || $0.code == text }) else { return nil }
    self = k
  }
}

/// How serious an incident is: 1 (特别重大, the highest) to 4 (一般). The rules give each its windows.
public enum IncidentSeverity: Int, Sendable, CaseIterable, Codable, Comparable {
  case critical = 1
  case major = 2
  case serious = 3
  case general = 4

  /// The Chinese grade name.
  public var name: String {
    switch self {
    case .critical: "特别重大"
    case .major: "重大"
    case .serious: "较大"
    case .general: "一般"
    }
  }

  public static func < (a: IncidentSeverity, b: IncidentSeverity) -> Bool { a.rawValue < b.rawValue }
}

/// How an incident reached the board: reported by the station (or any level) itself, or learnt
/// another way (a spot check, the hotline, an isolation symptom report, another level) — the latter
/// is what makes a station's silence 漏报.
public enum IncidentSource: String, Sendable, CaseIterable, Codable {
  case station
  case spotCheck = "spotcheck"
  case hotline
  case isolation
  case otherLevel = "level"

  /// True for every source but the station's own report.
  public var isExternal: Bool { self != .station }
}
