/// The kind of work a task asks for; each kind has default acknowledge and finish windows.
public enum TaskType: String, Sendable, CaseIterable, Codable {
  /// 排查 — screening: check every household (Jiaohe: acknowledge in 3 h, finish in 15 h).
  case screening
  /// 通知 — a notice to relay to every household.
  case notice
  /// 走访 — a visit round.
  case visitRound = "visit"
  /// 敲门核实 — door-knocking census (敲门行动): verify every household's residency.
  case census

  /// Default window to acknowledge.
  public var defaultAckWindow: Span {
    switch self {
    case .screening: .hours(3)
    case .notice: .hours(1)
    case .visitRound: .hours(6)
    case .census: .hours(6)
    }
  }

  /// Default window to finish.
  public var defaultFinishWindow: Span {
    switch self {
    case .screening: .hours(15)
    case .notice: .hours(4)
    case .visitRound: .hours(48)
    case .census: .hours(72)
    }
  }

  /// Chinese name shown on screen.
  public var chineseName: String {
    switch self {
    case .screening: "排查"
    case .notice: "通知"
    case .visitRound: "走访"
    case .census: "敲门核实"
    }
  }
}
