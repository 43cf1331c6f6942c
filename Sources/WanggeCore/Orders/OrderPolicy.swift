/// The two deadlines of an order kind: claim within, close within (from the claim's open).
public struct OrderDeadlines: Hashable, Sendable, Codable {
  /// From opening to claiming (e.g. 30 min).
  public var claimWithin: Span
  /// From opening to closing (e.g. 4 h).
  public var closeWithin: Span
  public init(claimWithin: Span, closeWithin: Span) {
    self.claimWithin = claimWithin
    self.closeWithin = closeWithin
  }
}

/// The deadlines per order kind, with defaults and overrides written `送药=20m/2h`.
public struct OrderPolicy: Hashable, Sendable {
  /// Deadlines per kind.
  public var deadlines: [OrderKind: OrderDeadlines]

  public init(deadlines: [OrderKind: OrderDeadlines] = OrderPolicy.defaults) { self.deadlines = deadlines }

  /// Claim within 30 min everywhere; close within 4 h, medicine 2 h, escort 1 h, payment 24 h.
  public static let defaults: [OrderKind: OrderDeadlines] = {
    var d: [OrderKind: OrderDeadlines] = [:]
    for k in OrderKind.allCases {
      let close: Span =
        switch k {
        case .medicine: .hours(2)
        case .escort: .hours(1)
        case .payment: .hours(24)
        default: .hours(4)
        }
      d[k] = OrderDeadlines(claimWithin: .minutes(k == .escort ? 15 : 30), closeWithin: close)
    }
    return d
  }()

  /// The deadlines of `kind`.
  public func deadlines(for kind: OrderKind) -> OrderDeadlines { deadlines[kind] ?? Self.defaults[kind]! }

  /// Applies one override `KIND=CLAIM/CLOSE` (`送药=20m/2h`); nil with the reason when it is not one.
  public mutating func apply(override text: String) -> String? {
    let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, let kind = OrderKind(word: parts[0]) else {
      return "\"\(text)\" is not KIND=CLAIM/CLOSE; kinds are \(OrderKind.accepted), e.g. 送药=20m/2h"
    }
    let spans = parts[1].split(separator: "/").map { Span(parsing: String($0)) }
    guard spans.count == 2, let claim = spans[0], let close = spans[1], claim <= close else {
      return "\"\(parts[1])\" is not CLAIM/CLOSE with CLAIM no longer than CLOSE, e.g. 20m/2h"
    }
    deadlines[kind] = OrderDeadlines(claimWithin: claim, closeWithin: close)
    return nil
  }
}
