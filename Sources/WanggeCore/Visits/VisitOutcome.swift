/// How a help visit went (走访结果): 见到本人, 不在家, 电话未接, 已转工单.
public enum VisitOutcome: String, CaseIterable, Sendable, Codable, Hashable {
  /// 见到本人: the household was seen (or spoken to).
  case seen
  /// 不在家: nobody opened the door.
  case notHome = "not_home"
  /// 电话未接: the phone check went unanswered.
  case noAnswer = "no_answer"
  /// 已转工单: seen, and what they need was passed on as a service order.
  case referred

  /// The Chinese word shown on screen and accepted on the command line.
  public var chineseName: String {
    switch self {
    case .seen: "见到本人"
    case .notHome: "不在家"
    case .noAnswer: "电话未接"
    case .referred: "已转工单"
    }
  }

  /// Whether it counts as the visit done, so the help case's due clock restarts. An unanswered visit
  /// (不在家, 电话未接) does not: the household was not seen, so the visit is still owed.
  public var countsAsVisit: Bool { self == .seen || self == .referred }

  /// Reads the code (`not_home`) or the Chinese word (`不在家`).
  public init?(word: String) {
    if let o = VisitOutcome(rawValue: word) {
      self = o
      return
    }
    guard let o = VisitOutcome.allCases.first(where: { $0.chineseName == word }) else { return nil }
    self = o
  }

  /// Every accepted word, for error messages.
  public static var accepted: String {
    allCases.map { "\($0.rawValue)/\($0.chineseName)" }.joined(separator: ", ")
  }
}
