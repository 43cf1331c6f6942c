/// One figure's change since a baseline, and whether that change is good for the response.
public struct FigureChange: Hashable, Sendable {
  /// Which figure (see ``FigureChange/Figure``).
  public enum Figure: String, Sendable, CaseIterable, Codable {
    case responseRate, completionRate, coverageRate, acknowledgementsOverdue, finishesOverdue, helpOverdue
    case greenChannelOpen, assigned, acknowledgedOnTime, households
    /// True when a rise is good (rates, acknowledgements); false when a rise is bad (overdue counts).
    public var riseIsGood: Bool {
      switch self {
      case .acknowledgementsOverdue, .finishesOverdue, .helpOverdue, .greenChannelOpen: false
      default: true
      }
    }
    /// Rates change in percentage points; the rest are counts.
    public var isRate: Bool { self == .responseRate || self == .completionRate || self == .coverageRate }
  }
  /// How a change reads: better, worse, or no change.
  public enum Verdict: String, Sendable { case better, worse, same }

  public var figure: Figure
  /// The value then and now (rates as fractions; nil: no value, e.g. nothing assigned).
  public var then: Double?
  public var now: Double?

  public init(_ figure: Figure, then: Double?, now: Double?) {
    self.figure = figure
    self.then = then
    self.now = now
  }

  /// now − then (rates in percentage points, one decimal), nil when either side has no value.
  public var delta: Double? {
    guard let then, let now else { return nil }
    return figure.isRate ? ((now - then) * 1000).rounded() / 10 : now - then
  }

  public var verdict: Verdict {
    guard let d = delta, d != 0 else { return .same }
    return (d > 0) == figure.riseIsGood ? .better : .worse
  }

  /// `↑2.3` / `↓4` / `±0` (rates in points; counts whole).
  public var arrowText: String {
    guard let d = delta else { return "" }
    let mag = abs(d)
    let body = figure.isRate ? String(mag.formatted1) : String(Int64(mag))
    return d > 0 ? "↑" + body : d < 0 ? "↓" + body : "±0"
  }

  /// The value of `figure` in `f` (rates as fractions).
  public static func value(_ figure: Figure, _ f: PlaceFigures) -> Double? {
    switch figure {
    case .responseRate: f.responseRate
    case .completionRate: f.completionRate
    case .coverageRate: f.coverageRate
    case .acknowledgementsOverdue: Double(f.acknowledgementsOverdue)
    case .finishesOverdue: Double(f.finishesOverdue)
    case .helpOverdue: Double(f.helpOverdue)
    case .greenChannelOpen: Double(f.greenChannelOpen)
    case .assigned: Double(f.assigned)
    case .acknowledgedOnTime: Double(f.acknowledgedOnTime)
    case .households: Double(f.households)
    }
  }

  /// Every figure's change from `then` to `now`.
  public static func all(then: PlaceFigures, now: PlaceFigures) -> [FigureChange] {
    Figure.allCases.map { FigureChange($0, then: value($0, then), now: value($0, now)) }
  }
}

extension Double {
  /// One decimal, without Foundation: 2.25 → "2.3" (the brief and bulletin figures).
  public var formatted1: String {
    let tenths = Int64((self * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let a = abs(tenths)
    return "\(sign)\(a / 10).\(a % 10)"
  }
}
