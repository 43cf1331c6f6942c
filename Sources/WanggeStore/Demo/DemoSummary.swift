/// What a finished demo generation produced and how fast (any engine).
public struct DemoSummary: Sendable {
  public var places = 0
  public var units = 0
  public var households = 0
  public var leaders = 0
  public var helpCases = 0
  public var assignments = 0
  public var seconds = 0.0
  public var householdsPerSecond: Double { seconds > 0 ? Double(households) / seconds : 0 }
  public init() {}
}
