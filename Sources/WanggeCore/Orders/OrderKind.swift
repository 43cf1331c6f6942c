/// What a service order (服务工单) asks for: 代购, 代办, 代缴, 送药, 就医陪同, 其他.
public enum OrderKind: String, CaseIterable, Sendable, Codable, Hashable {
  case purchase = "purchase"
  case errand = "errand"
  case payment = "payment"
  case medicine = "medicine"
  case escort = "escort"
  case other = "other"

  /// The Chinese word shown on screen and accepted on the command line.
  public var chineseName: String {
    switch self {
    case .purchase: "代购"
    case .errand: "代办"
    case .payment: "代缴"
    case .medicine: "送药"
    case .escort: "就医陪同"
    case .other: "其他"
    }
  }

  /// Reads the code (`purchase`) or the Chinese word (`代购`).
  public init?(word: String) {
    if let k = OrderKind(rawValue: word) {
      self = k
      return
    }
    guard let k = OrderKind.allCases.first(where: { $0.chineseName == word }) else { return nil }
    self = k
  }

  /// Every accepted word, for error messages.
  public static var accepted: String {
    allCases.map { "\($0.chineseName)/\($0.rawValue)" }.joined(separator: ", ")
  }
}

/// How a service order ended: delivered (已送达), refused (拒收), cancelled (已取消).
public enum OrderOutcome: String, CaseIterable, Sendable, Codable, Hashable {
  case delivered, refused, cancelled

  /// The Chinese word.
  public var chineseName: String {
    switch self {
    case .delivered: "已送达"
    case .refused: "拒收"
    case .cancelled: "已取消"
    }
  }

  /// Reads the code or the Chinese word.
  public init?(word: String) {
    if let o = OrderOutcome(rawValue: word) {
      self = o
      return
    }
    guard let o = OrderOutcome.allCases.first(where: { $0.chineseName == word }) else { return nil }
    self = o
  }
}

/// Where an order stands: open (待领), claimed (已领), closed (已结).
public enum OrderState: String, CaseIterable, Sendable, Codable, Hashable {
  case open, claimed, closed

  /// The Chinese word.
  public var chineseName: String {
    switch self {
    case .open: "待领"
    case .claimed: "已领"
    case .closed: "已结"
    }
  }
}
