/// One step of an incident report's life, recorded as an event with its own id and time.
public enum ReportStep: String, Sendable, CaseIterable, Codable {
  /// Filed by a station (or any level, or learnt another way); handed to the level above.
  case filed
  /// The level holding the report acknowledges it (its window runs from the hand-over).
  case acknowledged
  /// The holder hands it up to its own parent, which must acknowledge in turn.
  case passedUp = "passed_up"
  /// A progress note: the situation, the measures taken, how it is being solved.
  case progress
  /// Closed: solved, nothing more to report.
  case closed
  /// A commander records evidence that the station knew of the incident (瞒报).
  case concealed
  /// A station's own report is linked to an incident learnt another way (it is then no longer 漏报).
  case linked
}

/// Where a report stands: waiting for the holder's acknowledgement, acknowledged by it, or closed.
public enum ReportPhase: String, Sendable, Codable, CaseIterable {
  case awaitingAck = "awaiting_ack"
  case acknowledged
  case closed
}

/// The report state machine (pure): which step is allowed in which phase, and the phase after it.
///
/// ```
/// filed ──▶ awaiting_ack ──ack──▶ acknowledged ──pass-up──▶ awaiting_ack (next level up) …
///              │  progress ↺          │  progress ↺
///              └────────close─────────┴──────close──────▶ closed (final)
/// ```
/// `concealed` and `linked` are judgements about the station, allowed in any phase and not moving it.
public enum ReportLifecycle {
  /// Why a step is refused.
  public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    case closed(ReportStep)
    case notAwaiting
    case notAcknowledged
    case atTop
    case filedTwice

    public var description: String {
      switch self {
      case .closed(let s): "the report is closed; \(s.rawValue) is no longer possible"
      case .notAwaiting: "the report was already acknowledged at this level; pass it up or add progress"
      case .notAcknowledged: "acknowledge the report first (wangge incident ack), then pass it up"
      case .atTop: "the report is already at the top level; there is no level above to pass it to"
      case .filedTwice: "a report is filed once; use progress to add to it"
      }
    }
  }

  /// The phase after `step` in `phase`, or why it is refused. `hasParent`: the holder has a level above.
  public static func next(_ phase: ReportPhase, _ step: ReportStep, hasParent: Bool) -> Result<
    ReportPhase, Refusal
  > {
    switch (phase, step) {
    case (_, .filed): return .failure(.filedTwice)
    case (_, .concealed), (_, .linked): return .success(phase)
    case (.closed, let s): return .failure(.closed(s))
    case (.awaitingAck, .acknowledged): return .success(.acknowledged)
    case (.acknowledged, .acknowledged): return .failure(.notAwaiting)
    case (.awaitingAck, .passedUp): return .failure(.notAcknowledged)
    case (.acknowledged, .passedUp): return hasParent ? .success(.awaitingAck) : .failure(.atTop)
    case (_, .progress): return .success(phase)
    case (_, .closed): return .success(.closed)
    }
  }
}

/// The judgement marks of a report as the board and the rankings show them.
public struct ReportMarks: Sendable, Hashable, Codable {
  /// 迟报: filed more than the allowed delay after it happened.
  public var late = false
  /// The holder acknowledged after its window (or has not yet and the window passed): escalated.
  public var escalated = false
  /// 漏报: learnt another way, no station report, the allowed delay passed.
  public var missed = false
  /// 瞒报: a commander recorded evidence that the station knew.
  public var concealed = false
  public init(late: Bool = false, escalated: Bool = false, missed: Bool = false, concealed: Bool = false) {
    self.late = late
    self.escalated = escalated
    self.missed = missed
    self.concealed = concealed
  }

  /// The marks as the board writes them: 迟报 漏报 瞒报 超时.
  public var labels: [String] {
    var out: [String] = []
    if late { out.append("迟报") }
    if missed { out.append("漏报") }
    if concealed { out.append("瞒报") }
    if escalated { out.append("超时未签收") }
    return out
  }
}
